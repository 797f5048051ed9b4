//! The language checks (TL0xx) and the register's date checks (TL4xx),
//! each declared once as an entry of the registry: code, name, default
//! level, whether the level is fixed, and the texts that `rules` and
//! `explain` show. The ruleset rules (TL1xx–TL3xx) are declared as data in
//! `rulesets/*.toml` instead.

use super::registry::{Entry, Quote};
use super::{Level, Text};
use std::borrow::Cow;

pub static SYNTAX_ERROR: Entry = Entry {
    code: Cow::Borrowed("TL001"),
    name: Cow::Borrowed("syntax-error"),
    level: Level::Error,
    fixed: true,
    summary: Text {
        en: Cow::Borrowed("the file does not have the shape of a `.krav` file"),
        da: Cow::Borrowed("filen har ikke formen af en `.krav`-fil"),
    },
    explanation: Text {
        en: Cow::Borrowed("A `.krav` file holds requirements written as `requirement \"Title\" { … }`, with one `key: value` entry per line, and sub-blocks such as `burden \"who\" { … }`. A value is one or more terms separated by `,`; a term is one or more strings, numbers, dates or words. Strings are `\"…\"` on one line (with `\\\"` and `\\\\` escapes) or `\"\"\"…\"\"\"` over several lines; `#` starts a comment.\n\nThe parser stops at the first place where the text cannot continue and says what it expected there."),
        da: Cow::Borrowed("En `.krav`-fil indeholder krav skrevet som `krav \"Titel\" { … }` med ét `felt: værdi` pr. linje og underblokke som `byrde \"hvem\" { … }`. En værdi er ét eller flere led adskilt af `,`; et led er én eller flere tekster, tal, datoer eller ord. Tekster står i `\"…\"` på én linje (med `\\\"` og `\\\\`) eller i `\"\"\"…\"\"\"` over flere linjer; `#` indleder en kommentar.\n\ntrustlint stopper ved det første sted, hvor teksten ikke kan fortsætte, og siger, hvad der skulle have stået dér."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static UNKNOWN_KEY: Entry = Entry {
    code: Cow::Borrowed("TL002"),
    name: Cow::Borrowed("unknown-key"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a key that the language does not know"),
        da: Cow::Borrowed("et felt, som sproget ikke kender"),
    },
    explanation: Text {
        en: Cow::Borrowed("Every key must be one of the keys of the requirement language, in English or Danish (`purpose` or `formål`, `risk` or `risiko`, …). A misspelt key would otherwise be silently ignored, and the requirement judged without what it says. The diagnostic suggests the nearest key in either language, and recognises ASCII spellings such as `formaal` for `formål`."),
        da: Cow::Borrowed("Hvert felt skal være et af kravsprogets felter, på engelsk eller dansk (`purpose` eller `formål`, `risk` eller `risiko`, …). En stavefejl ville ellers blive overset, og kravet blive vurderet uden det, der står. trustlint foreslår det nærmeste felt, helst på filens eget sprog, og genkender stavemåder som `formaal` for `formål`; `trustlint check --fix` retter dem."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static INVALID_VALUE: Entry = Entry {
    code: Cow::Borrowed("TL003"),
    name: Cow::Borrowed("invalid-value"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a value of the wrong shape, an unknown word, a bad number or an impossible date"),
        da: Cow::Borrowed("en værdi med forkert form, et ukendt ord, et ugyldigt tal eller en umulig dato"),
    },
    explanation: Text {
        en: Cow::Borrowed("Each key takes a value of a given shape: `risk` takes a level (`low`, `medium`, `high`) and an optional reason, `scope` takes `all`? `N units` and a description, and so on. An enumerated word that is not known gets a suggestion and the list of accepted words. The decimal separator is `.`: `2,5` is a list of two numbers, so where one number is expected trustlint asks whether you meant `2.5`. Dates are `YYYY-MM-DD` and must exist."),
        da: Cow::Borrowed("Hvert felt tager en værdi af en bestemt form: `risiko` tager et niveau (`lav`, `middel`, `høj`) og evt. en begrundelse, `omfang` tager `alle`? `N enheder` og en beskrivelse osv. Et ukendt ord får et forslag og listen over gyldige ord. Decimaltegnet er `.`: `2,5` er to tal adskilt af komma, så hvor der skal stå ét tal, spørger trustlint, om du mente `2.5` (og `--fix` retter det). Datoer skrives `ÅÅÅÅ-MM-DD` og skal findes."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static MISSING_KEY: Entry = Entry {
    code: Cow::Borrowed("TL004"),
    name: Cow::Borrowed("missing-key"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a required key is missing"),
        da: Cow::Borrowed("et påkrævet felt mangler"),
    },
    explanation: Text {
        en: Cow::Borrowed("A requirement must say what the Kodeks for tillid asks every new requirement to answer: its `id`, its `purpose`, the `risk` of the task, its `scope`, and at least one `burden` block saying who spends time on it. A burden block needs `people`, `minutes` and `frequency` (and `cases_per_year` with `per_case`)."),
        da: Cow::Borrowed("Et krav skal svare på det, Kodeks for tillid spørger ethvert nyt krav om: dets `id`, dets `formål`, opgavens `risiko`, dets `omfang` og mindst én `byrde`-blok, der siger, hvem der bruger tid på det. En byrde-blok skal have `personer`, `minutter` og `hyppighed` (og `sager_pr_år` ved `per_sag`)."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static DUPLICATE_KEY: Entry = Entry {
    code: Cow::Borrowed("TL005"),
    name: Cow::Borrowed("duplicate-key"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a key given twice in one block"),
        da: Cow::Borrowed("et felt angivet to gange i samme blok"),
    },
    explanation: Text {
        en: Cow::Borrowed("Each key may appear once in a block (a `purpose` with several kinds is one list: `purpose: safety \"…\", learning \"…\"`). Only `burden` blocks repeat, one per burdened group. When a key is given twice (even once in English and once in Danish), trustlint cannot know which one is meant."),
        da: Cow::Borrowed("Hvert felt må stå én gang i en blok (et `formål` med flere slags er én liste: `formål: sikkerhed \"…\", læring \"…\"`). Kun `byrde`-blokke gentages, én pr. belastet gruppe. Står et felt der to gange (også én gang på engelsk og én på dansk), kan trustlint ikke vide, hvilket der menes."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static DUPLICATE_ID: Entry = Entry {
    code: Cow::Borrowed("TL006"),
    name: Cow::Borrowed("duplicate-id"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("the same `id` in two requirements of the files checked together"),
        da: Cow::Borrowed("samme `id` i to krav blandt de filer, der tjekkes sammen"),
    },
    explanation: Text {
        en: Cow::Borrowed("Ids tie requirements together (`replaces`) and name them in reports; two requirements with the same id make both ambiguous. Ids are compared exactly across every file given to one `trustlint check`."),
        da: Cow::Borrowed("Id'er binder krav sammen (`erstatter`) og navngiver dem i rapporter; to krav med samme id gør begge tvetydige. Id'er sammenlignes præcist på tværs af alle filer, der gives til ét `trustlint check`."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static UNKNOWN_REPLACED_ID: Entry = Entry {
    code: Cow::Borrowed("TL007"),
    name: Cow::Borrowed("unknown-replaced-id"),
    level: Level::Note,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("`replaces` names an id that is not among the files checked"),
        da: Cow::Borrowed("`erstatter` nævner et id, som ikke findes blandt de tjekkede filer"),
    },
    explanation: Text {
        en: Cow::Borrowed("A new requirement that replaces older ones keeps the total burden down (Kodeks 1.2, the positive list). When the replaced requirement is not among the files checked, trustlint cannot confirm it exists; check the id, or check the files together."),
        da: Cow::Borrowed("Et nyt krav, der erstatter ældre, holder den samlede byrde nede (Kodeks 1.2, positivlisten). Når det erstattede krav ikke er blandt de tjekkede filer, kan trustlint ikke bekræfte, at det findes; tjek id'et, eller tjek filerne sammen."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static SUPPRESSION_WITHOUT_REASON: Entry = Entry {
    code: Cow::Borrowed("TL008"),
    name: Cow::Borrowed("suppression-without-reason"),
    level: Level::Warning,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a suppression comment without a reason, or one that cannot be read"),
        da: Cow::Borrowed("en undertrykkelse uden begrundelse, eller en der ikke kan læses"),
    },
    explanation: Text {
        en: Cow::Borrowed("`# trustlint: allow(TL105) \"reason\"` on the line before a requirement or an entry silences that code there. The Kodeks asks that every governance choice be explained, so the reason is mandatory: a suppression without one does not take effect. A comment that starts with `# trustlint:` but cannot be read is reported the same way."),
        da: Cow::Borrowed("`# trustlint: allow(TL105) \"begrundelse\"` på linjen før et krav eller en linje undertrykker den kode dér. Kodekset beder om, at ethvert styringsvalg begrundes, så begrundelsen er påkrævet: en undertrykkelse uden begrundelse virker ikke. En kommentar, der begynder med `# trustlint:`, men ikke kan læses, meldes på samme måde."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static UNUSED_SUPPRESSION: Entry = Entry {
    code: Cow::Borrowed("TL009"),
    name: Cow::Borrowed("unused-suppression"),
    level: Level::Warning,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a suppression comment that silenced nothing"),
        da: Cow::Borrowed("en undertrykkelse, der ikke undertrykte noget"),
    },
    explanation: Text {
        en: Cow::Borrowed("A suppression that silences nothing is an explanation of a choice that is no longer made: the requirement was changed, or the comment stands in the wrong place (it must be on the line right before the requirement or entry). Remove it, or move it."),
        da: Cow::Borrowed("En undertrykkelse, der ikke undertrykker noget, begrunder et valg, der ikke længere træffes: kravet er ændret, eller kommentaren står forkert (den skal stå på linjen lige før kravet eller linjen). Fjern den, eller flyt den."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static UNREADABLE_FILE: Entry = Entry {
    code: Cow::Borrowed("TL010"),
    name: Cow::Borrowed("unreadable-file"),
    level: Level::Error,
    fixed: true,
    summary: Text {
        en: Cow::Borrowed("a file that cannot be read or is not UTF-8"),
        da: Cow::Borrowed("en fil, der ikke kan læses eller ikke er UTF-8"),
    },
    explanation: Text {
        en: Cow::Borrowed("trustlint reads `.krav` files as UTF-8. A file that cannot be opened, or that holds bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252, a binary file with the wrong name), is reported, and the other files are still checked. Save the file as UTF-8."),
        da: Cow::Borrowed("trustlint læser `.krav`-filer som UTF-8. En fil, der ikke kan åbnes, eller som indeholder bytes, der ikke er UTF-8 (en fil gemt som Latin-1 eller Windows-1252, en binær fil med forkert navn), meldes, og de andre filer tjekkes stadig. Gem filen som UTF-8."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static EMPTY_FILE: Entry = Entry {
    code: Cow::Borrowed("TL011"),
    name: Cow::Borrowed("empty-file"),
    level: Level::Warning,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a file with no requirement in it"),
        da: Cow::Borrowed("en fil uden krav"),
    },
    explanation: Text {
        en: Cow::Borrowed("A `.krav` file that holds no requirement (it is empty, or holds only comments) is most likely a mistake: a draft saved too early, or a file that lost its content."),
        da: Cow::Borrowed("En `.krav`-fil uden krav (tom eller kun med kommentarer) er sandsynligvis en fejl: et udkast gemt for tidligt eller en fil, der har mistet sit indhold."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static INVALID_RULESET: Entry = Entry {
    code: Cow::Borrowed("TL012"),
    name: Cow::Borrowed("invalid-ruleset"),
    level: Level::Error,
    fixed: true,
    summary: Text {
        en: Cow::Borrowed("a ruleset file with an error"),
        da: Cow::Borrowed("en regelsætfil med en fejl"),
    },
    explanation: Text {
        en: Cow::Borrowed("A ruleset (`rulesets/*.toml`, or the file given with `--ruleset`) is data: its meta data, parameters and rules, each rule with a condition in the rule expression language, messages in English and Danish, and examples. Any error in it — an unknown key, a level that does not exist, a condition that does not parse or names an unknown field — is reported at its place in the TOML file, and nothing is checked with a broken ruleset (exit status 2). `trustlint ruleset check FILE` shows them all; docs/rules.md describes the format."),
        da: Cow::Borrowed("Et regelsæt (`rulesets/*.toml` eller filen givet med `--ruleset`) er data: metadata, parametre og regler, hver med en betingelse i regeludtrykssproget, tekster på engelsk og dansk og eksempler. Enhver fejl — en ukendt nøgle, et niveau, der ikke findes, en betingelse, der ikke kan læses eller nævner et ukendt felt — meldes på sin plads i TOML-filen, og intet tjekkes med et defekt regelsæt (exitstatus 2). `trustlint ruleset check FIL` viser dem alle; docs/rules.md beskriver formatet."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static INVALID_CONFIG: Entry = Entry {
    code: Cow::Borrowed("TL013"),
    name: Cow::Borrowed("invalid-config"),
    level: Level::Error,
    fixed: true,
    summary: Text {
        en: Cow::Borrowed("a trustlint.toml with an error"),
        da: Cow::Borrowed("en trustlint.toml med en fejl"),
    },
    explanation: Text {
        en: Cow::Borrowed("`trustlint.toml` (found by walking up from the current folder, or given with `--config`) sets the ruleset, the message language, `include`/`exclude` globs, rule levels under `[rules]` (by code or name) and ruleset parameters under `[params]`. An unknown key, a level or language that does not exist, a rule or parameter the ruleset does not have, or a value of the wrong kind is reported at its place in the file, and nothing is checked (exit status 2): a setting that is silently ignored is worse than none."),
        da: Cow::Borrowed("`trustlint.toml` (fundet ved at gå op fra den aktuelle mappe eller givet med `--config`) angiver regelsættet, sproget, `include`/`exclude`-mønstre, regelniveauer under `[rules]` (efter kode eller navn) og regelsættets parametre under `[params]`. En ukendt nøgle, et niveau eller sprog, der ikke findes, en regel eller parameter, som regelsættet ikke har, eller en værdi af forkert slags meldes på sin plads i filen, og intet tjekkes (exitstatus 2): en indstilling, der stille ignoreres, er værre end ingen."),
    },
    quotes: Cow::Borrowed(&[]),
};

pub static PLACEHOLDER: Entry = Entry {
    code: Cow::Borrowed("TL014"),
    name: Cow::Borrowed("placeholder"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a placeholder is left in the draft"),
        da: Cow::Borrowed("der står stadig en pladsholder i udkastet"),
    },
    explanation: Text {
        en: Cow::Borrowed("A draft is not finished while a value, id or title is still a placeholder: empty, only `…` or `...` (or other punctuation), starting with `TODO`, a stand-in such as `TBD`, or a text of the template `trustlint init` writes. Each one is labelled with what its key asks for. A placeholder never counts as an answer: `investigation: \"…\"` is read as no investigation, so the rules that ask for one still fire. Replace each with the real answer, or remove an optional line that does not apply."),
        da: Cow::Borrowed("Et udkast er ikke færdigt, så længe en værdi, et id eller en titel stadig er en pladsholder: tom, kun `…` eller `...` (eller andre tegn uden bogstaver), begynder med `TODO`, er et stedfortræderord som `TBD` eller `udfyldes`, eller er en tekst fra den skabelon, `trustlint init` skriver. Hver pladsholder får en markering, der siger, hvad nøglen spørger om. En pladsholder tæller aldrig som et svar: `undersøgelse: \"…\"` læses som ingen undersøgelse, så de regler, der spørger efter én, slår stadig til. Skriv det rigtige svar i stedet, eller fjern en valgfri linje, der ikke er relevant."),
    },
    quotes: Cow::Borrowed(&[]),
};

/// Every language check, in code order.
pub static LANGUAGE_LINTS: &[&Entry] = &[
    &SYNTAX_ERROR,
    &UNKNOWN_KEY,
    &INVALID_VALUE,
    &MISSING_KEY,
    &DUPLICATE_KEY,
    &DUPLICATE_ID,
    &UNKNOWN_REPLACED_ID,
    &SUPPRESSION_WITHOUT_REASON,
    &UNUSED_SUPPRESSION,
    &UNREADABLE_FILE,
    &EMPTY_FILE,
    &INVALID_RULESET,
    &INVALID_CONFIG,
    &PLACEHOLDER,
];

/// Where the date checks come from: the positive list is to be reviewed
/// continuously for abolition.
const POSITIVE_LIST: Quote = Quote {
    source: Text {
        en: Cow::Borrowed("Kodeks for tillid (Copenhagen, 2013), 1.2 \"Politikerne beslutter en positivliste over strategier, planer og politikker\""),
        da: Cow::Borrowed("Kodeks for tillid (Københavns Kommune, 2013), 1.2 \"Politikerne beslutter en positivliste over strategier, planer og politikker\""),
    },
    text: Cow::Borrowed("Ufravigelige krav, herunder krav der udspringer af lovgivning, krav om centrale data fx begrundet i myndighedshensyn og andre styringskrav, bør løbende vurderes med henblik på evt. forslag om afskaffelse og/eller forenkling."),
};

pub static REVIEW_OVERDUE: Entry = Entry {
    code: Cow::Borrowed("TL401"),
    name: Cow::Borrowed("review-overdue"),
    level: Level::Warning,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a requirement in force is past its review date (`trustlint audit`)"),
        da: Cow::Borrowed("et gældende krav har overskredet sin revisionsdato (`trustlint audit`)"),
    },
    explanation: Text {
        en: Cow::Borrowed("A requirement that says when it will be reviewed (`review: 2024-06-01`) promises the committee a new look at whether it is still worth its time. `trustlint audit` lists every requirement of the register whose review date has passed, on the day given by `--today` (the system date by default). Review it: keep it with a new review date, simplify it, or propose its abolition. (`review: after 2 years` names no day, since the register does not say when a requirement came into force; write the date.)"),
        da: Cow::Borrowed("Et krav, der siger, hvornår det skal revideres (`revision: 2024-06-01`), lover udvalget et nyt blik på, om det stadig er tiden værd. `trustlint audit` viser hvert krav i registret, hvis revisionsdato er overskredet, på den dag `--today` angiver (som standard systemets dato). Revidér det: behold det med en ny revisionsdato, forenkl det, eller foreslå det afskaffet. (`revision: efter 2 år` nævner ingen dag, da registret ikke siger, hvornår et krav trådte i kraft; skriv datoen.)"),
    },
    quotes: Cow::Borrowed(&[POSITIVE_LIST]),
};

pub static SUNSET_PASSED: Entry = Entry {
    code: Cow::Borrowed("TL402"),
    name: Cow::Borrowed("sunset-passed"),
    level: Level::Error,
    fixed: false,
    summary: Text {
        en: Cow::Borrowed("a requirement in force is past its sunset date (`trustlint audit`)"),
        da: Cow::Borrowed("et gældende krav har passeret sin udløbsdato (`trustlint audit`)"),
    },
    explanation: Text {
        en: Cow::Borrowed("A requirement with a `sunset` date lapses after that day unless the committee decides to renew it. `trustlint audit` reports every requirement of the register whose sunset has passed (on the day given by `--today`) as an error: by its own terms it no longer applies, yet it is still in the register and may still be followed. Remove it from the register, or have it renewed with a new sunset date."),
        da: Cow::Borrowed("Et krav med en `udløb`-dato bortfalder efter den dag, medmindre udvalget beslutter at forny det. `trustlint audit` melder hvert krav i registret, hvis udløbsdato er passeret (på den dag `--today` angiver), som en fejl: efter sine egne vilkår gælder det ikke længere, men det står stadig i registret og følges måske stadig. Fjern det fra registret, eller få det fornyet med en ny udløbsdato."),
    },
    quotes: Cow::Borrowed(&[POSITIVE_LIST]),
};

/// The register's date checks, which `trustlint audit` runs against a day.
pub static AUDIT_LINTS: &[&Entry] = &[&REVIEW_OVERDUE, &SUNSET_PASSED];

#[cfg(test)]
mod tests {
    use super::*;

    /// The date checks quote the built-in ruleset's words for the positive
    /// list, document, section and text, which tests/quotes.rs holds to
    /// the source.
    #[test]
    fn the_date_checks_quote_what_the_ruleset_quotes() {
        use crate::engine::ruleset;
        let ruleset = ruleset::load(Default::default(), ruleset::DEFAULT_TEXT).expect("the default ruleset");
        let quoted = |quote: &Quote| {
            ruleset
                .rules
                .iter()
                .flat_map(|r| r.entry.quotes.iter())
                .any(|q| q.text == quote.text && q.source.en == quote.source.en && q.source.da == quote.source.da)
        };
        for lint in AUDIT_LINTS {
            assert!(!lint.quotes.is_empty(), "{}", lint.code);
            for quote in lint.quotes.iter() {
                assert!(quoted(quote), "{}: {quote:?}", lint.code);
            }
        }
    }
}
