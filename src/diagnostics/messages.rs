//! Everything trustlint says to a user, in English and Danish side by side:
//! the one table `--lang` chooses from. The messages of the language checks
//! (TL001–TL011) come first, then the words of the output formats, the
//! commands and their errors. (A ruleset's own messages are in its TOML.)
//!
//! Placeholders are `{name}`, and `{name|one|other}` picks the form that
//! agrees with the number `name` holds: "{n} {n|case|cases}" is "1 case" or
//! "3 cases" (see [`Text::fill`](super::Text::fill)). Keywords in backticks are filled
//! in by the caller in the language the author wrote them in: the shapes of
//! values (`SHAPE_…`) name every keyword by a placeholder, its English
//! spelling (`{all} 42 {units}`), so a Danish file gets `alle 42 enheder`
//! whatever the language of the messages.

use super::Text;

macro_rules! texts {
    ($( $(#[$meta:meta])* $name:ident: $en:literal / $da:literal; )*) => {
        $( $(#[$meta])* pub const $name: Text = Text { en: $en, da: $da }; )*
    };
}

texts! {
    // ---- TL001: syntax ----
    EXPECTED_FOUND: "expected {expected}, found {found}" / "her skal stå {expected}, ikke {found}";
    UNEXPECTED_LABEL: "not expected here" / "hører ikke til her";
    OR: "or" / "eller";
    PHRASE_REQUIREMENT: "a requirement (`requirement \"Title\" {`)" / "et krav (`krav \"Titel\" {`)";
    PHRASE_KEY: "a key" / "et felt";
    PHRASE_LABEL: "a quoted title" / "en titel i anførselstegn";
    PHRASE_COLON: "`:`" / "`:`";
    PHRASE_COMMA: "`,`" / "`,`";
    PHRASE_LBRACE: "`{`" / "`{`";
    PHRASE_RBRACE: "`}`" / "`}`";
    PHRASE_LINE_BREAK: "a line break" / "et linjeskift";
    PHRASE_VALUE: "a value" / "en værdi";
    PHRASE_END_OF_FILE: "the end of the file" / "filens slutning";
    PHRASE_SOMETHING_ELSE: "something else" / "noget andet";
    TOP_LEVEL_HELP: "a file holds requirements: `requirement \"Title\" { … }` or `krav \"Titel\" { … }`" / "en fil indeholder krav: `krav \"Titel\" { … }` eller `requirement \"Title\" { … }`";
    COLON_HELP: "write each entry as `key: value` on its own line, or a block as `key \"label\" { … }`" / "skriv hver linje som `felt: værdi`, eller en blok som `felt \"navn\" { … }`";
    AFTER_VALUE_HELP: "separate the items of a list with `,`, and put each entry on its own line" / "adskil værdierne i en liste med `,`, og skriv hvert felt på sin egen linje";
    GENERIC_SYNTAX_HELP: "see `trustlint explain TL001` for the shape of a `.krav` file" / "se `trustlint explain TL001` for formen på en `.krav`-fil";
    UNCLOSED_STRING: "unclosed string" / "tekst uden afsluttende anførselstegn";
    UNCLOSED_TRIPLE_STRING: "unclosed `\"\"\"` string" / "`\"\"\"`-tekst uden afslutning";
    UNCLOSED_STRING_LABEL: "the string starts here and is never closed" / "teksten begynder her og afsluttes aldrig";
    UNCLOSED_STRING_HELP: "a `\"…\"` string ends on the line it starts on: close it with `\"`, or use `\"\"\"…\"\"\"` for text over several lines" / "en `\"…\"`-tekst slutter på den linje, den begynder på: afslut den med `\"`, eller brug `\"\"\"…\"\"\"` til tekst over flere linjer";
    UNCLOSED_TRIPLE_STRING_HELP: "end the text with `\"\"\"`" / "afslut teksten med `\"\"\"`";
    UNCLOSED_BRACE: "expected `}`: the `{` opened on line {line} is never closed" / "`}` mangler: den `{`, der åbnes på linje {line}, lukkes aldrig";
    UNCLOSED_BRACE_LABEL: "unclosed `{` opened here" / "`{` åbnes her og lukkes aldrig";
    UNCLOSED_BRACE_END_LABEL: "the file ends here" / "filen slutter her";
    UNCLOSED_BRACE_HELP: "add `}` on its own line after the last entry of the block" / "tilføj `}` på en linje for sig efter blokkens sidste linje";
    NESTED_BLOCK: "a block cannot stand inside a sub-block" / "en blok kan ikke stå inde i en underblok";
    NESTED_BLOCK_LABEL: "expected `:` here" / "her skal stå `:`";
    NESTED_BLOCK_HELP: "a requirement may hold blocks like `burden \"…\" { … }`, but those hold only `key: value` entries" / "et krav kan indeholde blokke som `byrde \"…\" { … }`, men i dem kan der kun stå `felt: værdi`";
    MISSING_VALUE: "missing value after `:`" / "der mangler en værdi efter `:`";
    MISSING_VALUE_LABEL: "expected a value here" / "her mangler en værdi";
    MISSING_VALUE_HELP: "give the key a value on the same line, or remove the line" / "giv feltet en værdi på samme linje, eller fjern linjen";
    TRAILING_COMMA: "a `,` must be followed by another value" / "et `,` skal efterfølges af en værdi mere";
    TRAILING_COMMA_LABEL: "the list goes on after this `,`" / "listen fortsætter efter dette `,`";
    TRAILING_COMMA_HELP: "remove the `,` at the end of the list" / "fjern `,` i slutningen af listen";
    CONTROL_CHARACTER: "invisible control character {code}" / "usynligt styretegn {code}";
    CONTROL_CHARACTER_HELP: "remove it: most editors do not show it (it may come from copying out of another program)" / "fjern det: de fleste editorer viser det ikke (det kan komme fra kopiering fra et andet program)";
    KEY_WRITTEN_APART: "a key is one word: write `{word}` for `{written}`" / "et felt er ét ord: skriv `{word}` for `{written}`";
    TYPOGRAPHIC_QUOTE: "`{quote}` is a typographic quotation mark: a string is written between straight quotes `\"`" / "`{quote}` er et typografisk anførselstegn: en tekst skrives mellem lige anførselstegn `\"`";
    TYPOGRAPHIC_QUOTE_LABEL: "not `\"`" / "ikke `\"`";
    TYPOGRAPHIC_QUOTE_HELP: "word processors such as Word turn `\"` into “ and ” as you type: write the straight `\"` on both sides of the text (Word's AutoCorrect options can stop the replacement)" / "tekstbehandlere som Word laver `\"` om til “ og ”, mens man skriver: skriv det lige `\"` på begge sider af teksten (Words indstillinger for Autokorrektur kan slå det fra)";
    EXPECTED_TITLE: "expected a quoted title after `{word}`" / "efter `{word}` skal der stå en titel i anførselstegn";
    MISSING_COLON: "expected `:` after `{key}`" / "der mangler `:` efter `{key}`";
    UNKNOWN_ESCAPE: "unknown escape `{escape}` in a string" / "ukendt tegnkombination `{escape}` i en tekst";
    UNKNOWN_ESCAPE_LABEL: "not an escape" / "ikke en gyldig tegnkombination";
    UNKNOWN_ESCAPE_HELP: "only `\\\"` and `\\\\` are escapes; for text over several lines use `\"\"\"…\"\"\"`" / "kun `\\\"` og `\\\\` kan stå med `\\` foran; brug `\"\"\"…\"\"\"` til tekst over flere linjer";

    // ---- TL002: unknown key ----
    UNKNOWN_KEY: "unknown key `{key}`" / "ukendt felt `{key}`";
    UNKNOWN_KEY_LABEL: "not a key of a requirement" / "ikke et felt i et krav";
    UNKNOWN_BURDEN_KEY_LABEL: "not a key of a burden block" / "ikke et felt i en byrde-blok";
    UNKNOWN_OPENER: "unknown block `{key}`: a file holds requirements" / "ukendt blok `{key}`: en fil indeholder krav";
    UNKNOWN_OPENER_LABEL: "expected `requirement` or `krav`" / "her skal stå `krav` eller `requirement`";
    KEY_BELONGS_IN_BURDEN: "`{key}` belongs inside a `{burden} \"who\" { … }` block" / "`{key}` hører hjemme i en `{burden} \"hvem\" { … }`-blok";
    KEY_BELONGS_IN_REQUIREMENT: "`{key}` belongs in the requirement itself, outside the burden block" / "`{key}` hører hjemme i selve kravet, uden for byrde-blokken";
    DID_YOU_MEAN: "did you mean `{suggestion}`?" / "mente du `{suggestion}`?";
    ACCEPTED: "accepted: {list}" / "gyldige: {list}";

    // ---- TL003: invalid value ----
    EXPECTED_VALUE: "expected {what}, found {found}" / "her skal stå {what}, ikke {found}";
    EXPECTED_LABEL: "expected here" / "passer ikke her";
    EXPECTED_UNIT: "expected {units} after the number, found {found}" / "efter tallet skal der stå {units}, ikke {found}";
    UNKNOWN_WORD: "unknown {what} `{word}`" / "ukendt {what} `{word}`";
    UNKNOWN_WORD_LABEL: "unknown {what}" / "ukendt {what}";
    UNEXPECTED_AFTER_VALUE: "unexpected {found} in the value of `{key}`" / "uventet {found} i værdien af `{key}`";
    NOT_A_LIST: "`{key}` takes one value, not a list" / "`{key}` tager én værdi, ikke en liste";
    NOT_A_LIST_LABEL: "more values" / "flere værdier";
    NOT_A_LIST_HELP: "remove the values after the first `,`, or join them into one text" / "fjern værdierne efter det første `,`, eller saml dem i én tekst";
    DECIMAL_COMMA: "`{text}` is a list of two numbers" / "`{text}` er to tal adskilt af komma";
    DECIMAL_COMMA_LABEL: "`,` separates values" / "`,` adskiller værdier";
    DECIMAL_COMMA_HELP: "did you mean {number}? The decimal separator is `.`" / "mente du {number}? Decimaltegnet er `.`";
    WRITTEN_APART: "`{written}` is one word, `{word}`" / "`{written}` skrives i ét ord, `{word}`";
    WRITTEN_APART_LABEL: "written apart" / "skrevet i flere ord";
    WRITTEN_APART_HELP: "words of several parts are joined with `_`: `{word}`" / "ord i flere dele bindes sammen med `_`: `{word}`";
    PROSE_FREQUENCY: "write `{per_year}` for `{written}`" / "skriv `{per_year}` for `{written}`";
    PROSE_FREQUENCY_LABEL: "written as prose" / "skrevet med almindelige ord";
    PROSE_FREQUENCY_HELP: "a number of times a year is written `N {per_year}`" / "et antal gange om året skrives `N {per_year}`";
    NOT_WHOLE: "expected a whole number, found `{number}`" / "her skal stå et helt tal, ikke `{number}`";
    NOT_WHOLE_HELP: "people, units and cases are counted in whole numbers" / "personer, enheder og sager tælles i hele tal";
    NOT_WHOLE_LABEL: "a count" / "et antal";
    NOT_WHOLE_THOUSANDS_HELP: "did you mean {number}? Write whole numbers without a thousands separator: `{number}`, not `{text}`" / "mente du {number}? Skriv hele tal uden tusindtalsseparator: `{number}`, ikke `{text}`";
    DECIMAL_COMMA_OR_THOUSANDS_HELP: "did you mean {whole}, or {number}? Write numbers without a thousands separator, and with `.` for decimals" / "mente du {whole} eller {number}? Skriv tal uden tusindtalsseparator og med `.` som decimaltegn";
    OUT_OF_RANGE: "`{key}: {number}` is more than trustlint accepts (at most {max})" / "`{key}: {number}` er mere, end trustlint godtager (højst {max})";
    OUT_OF_RANGE_HELP: "check the number: `{key}` can be at most {max}" / "tjek tallet: `{key}` kan højst være {max}";
    LIMIT_PEOPLE: "more people than live in Denmark" / "flere personer, end der bor i Danmark";
    LIMIT_UNITS: "more units than there are people in Denmark" / "flere enheder, end der er indbyggere i Danmark";
    LIMIT_CASES: "more than a hundred million cases" / "mere end hundrede millioner sager";
    LIMIT_MINUTES: "more minutes than a year has" / "flere minutter, end et år har";
    LIMIT_PER_YEAR: "more often than once a minute, all year" / "oftere end én gang i minuttet, hele året";
    LIMIT_YEARS: "more than a hundred years" / "mere end hundrede år";
    PATTERN_WITHOUT_EVIDENCE: "a `{pattern}` trigger must give its numbers: {missing} are missing" / "en anledning af typen `{pattern}` skal angive sine tal: {missing} mangler";
    PATTERN_WITHOUT_EVIDENCE_LABEL: "a pattern of how many cases, where? ({missing})" / "et mønster af hvor mange sager, hvor? ({missing})";
    PATTERN_WITHOUT_EVIDENCE_HELP: "a pattern without numbers is an unsupported claim: write how many cases at how many units, e.g. `{pattern} \"…\" 40 {cases} 3 {units}`" / "et mønster uden tal er en påstand uden belæg: skriv, hvor mange sager på hvor mange enheder, fx `{pattern} \"…\" 40 {cases} 3 {units}`";
    NUMBER_TOO_LARGE: "the number `{number}` is too large" / "tallet `{number}` er for stort";
    BAD_MONTH: "`{date}` is not a date: there is no month {month}" / "`{date}` er ikke en dato: der er ingen måned {month}";
    BAD_DAY: "`{date}` is not a date: month {month} of {year} has {days} days" / "`{date}` er ikke en dato: måned {month} i {year} har {days} dage";
    BAD_DATE_LABEL: "no such date" / "datoen findes ikke";
    DATE_HELP: "write dates as `YYYY-MM-DD`, for example `2027-06-30`" / "skriv datoer som `ÅÅÅÅ-MM-DD`, for eksempel `2027-06-30`";
    BURDEN_NOT_BLOCK: "`{key}` is a block, not a value" / "`{key}` er en blok, ikke en værdi";
    BURDEN_NOT_BLOCK_HELP: "write `{key} \"who is burdened\" { … }` with `{people}`, `{minutes}` and `{frequency}` inside" / "skriv `{key} \"hvem der belastes\" { … }` med `{people}`, `{minutes}` og `{frequency}` indeni";
    BLOCK_NOT_VALUE: "`{key}` takes a value, not a block" / "`{key}` tager en værdi, ikke en blok";
    BLOCK_NOT_VALUE_HELP: "write `{key}: …` on one line" / "skriv `{key}: …` på én linje";
    EMPTY_BURDEN_LABEL: "a burden block must say who is burdened" / "en byrde-blok skal sige, hvem der belastes";
    EMPTY_BURDEN_LABEL_HELP: "name the group in the label, for example `\"home care staff\"`" / "navngiv gruppen, for eksempel `\"hjemmeplejens medarbejdere\"`";
    FOUND_NOTHING: "nothing" / "ingenting";
    WHAT_ID: "an id (a word like `SOF-2014-03`, or a string)" / "et id (et ord som `SOF-2014-03` eller en tekst)";
    WHAT_TEXT: "a text in quotes" / "en tekst i anførselstegn";
    WHAT_NUMBER: "a number" / "et tal";
    WHAT_DATE: "a date (`YYYY-MM-DD`)" / "en dato (`ÅÅÅÅ-MM-DD`)";
    WHAT_PURPOSE_KIND: "purpose kind" / "formålstype";
    WHAT_RISK_LEVEL: "risk level" / "risikoniveau";
    WHAT_TRIGGER_KIND: "trigger kind" / "anledningstype";
    WHAT_DATA_MODE: "data mode" / "dataform";
    WHAT_MEASURE_KIND: "measure kind" / "målingstype";
    WHAT_FREQUENCY: "frequency" / "hyppighed";
    WHAT_YES_NO: "answer (yes or no)" / "svar (ja eller nej)";
    WHAT_REPORTING: "kind of reporting" / "rapporteringsform";
    WHAT_REVIEW: "review" / "revision";
    WHAT_DISPENSATION: "dispensation" / "dispensation";
    WHAT_UNIT_COUNT: "the number of units (`42 units`)" / "antallet af enheder (`42 enheder`)";
    WHAT_DATA_ITEM: "the data item in quotes" / "dataelementet i anførselstegn";
    SHAPE_ID: "write `{key}: ABC-2026-01`" / "skriv `{key}: ABC-2026-01`";
    SHAPE_TEXT: "write the text in quotes: `{key}: \"…\"`" / "skriv teksten i anførselstegn: `{key}: \"…\"`";
    SHAPE_PURPOSE: "write `{key}: KIND \"description\"`, several separated by `,`" / "skriv `{key}: TYPE \"beskrivelse\"`, flere adskilt af `,`";
    SHAPE_RISK: "write `{key}: LEVEL \"why\"`, with LEVEL `{low}`, `{medium}` or `{high}`" / "skriv `{key}: NIVEAU \"hvorfor\"`, med NIVEAU `{low}`, `{medium}` eller `{high}`";
    SHAPE_TRIGGER: "write `{key}: KIND \"what happened\" 1 {cases} 1 {units}` (the counts are optional)" / "skriv `{key}: TYPE \"hvad skete der\" 1 {cases} 1 {units}` (antallene kan udelades)";
    SHAPE_SCOPE: "write `{key}: {all} 42 {units} \"which units\"` (`{all}` is optional)" / "skriv `{key}: {all} 42 {units} \"hvilke enheder\"` (`{all}` kan udelades)";
    SHAPE_DATA: "write `{key}: \"item\" {manual}, \"other item\" {existing} {automatic}`" / "skriv `{key}: \"oplysning\" {manual}, \"anden oplysning\" {existing} {automatic}`";
    SHAPE_MEASURE: "write `{key}: {effect} \"what changes for citizens\"`" / "skriv `{key}: {effect} \"hvad ændrer sig for borgerne\"`";
    SHAPE_REPORTING: "write `{key}: {periodic} FREQUENCY`, `{key}: {deviation}` or `{key}: {none}`" / "skriv `{key}: {periodic} HYPPIGHED`, `{key}: {deviation}` eller `{key}: {none}`";
    SHAPE_REVIEW: "write `{key}: 2027-06-30`, `{key}: {after} 2 {years}` or `{key}: {none}`" / "skriv `{key}: 2027-06-30`, `{key}: {after} 2 {years}` eller `{key}: {none}`";
    SHAPE_SUNSET: "write `{key}: 2027-06-30`" / "skriv `{key}: 2027-06-30`";
    SHAPE_REPLACES: "write the ids of the replaced requirements: `{key}: ABC-2019-02, ABC-2020-11`" / "skriv id'erne på de erstattede krav: `{key}: ABC-2019-02, ABC-2020-11`";
    SHAPE_DISPENSATION: "write `{key}: \"how a unit is exempted\"` or `{key}: {none}`" / "skriv `{key}: \"hvordan en enhed fritages\"` eller `{key}: {none}`";
    SHAPE_FREQUENCY: "write `{key}: {daily}`, `{key}: {per_case}` or `{key}: 6 {per_year}`" / "skriv `{key}: {daily}`, `{key}: {per_case}` eller `{key}: 6 {per_year}`";
    SHAPE_FRONTLINE: "write `{key}: {yes}` or `{key}: {no}`" / "skriv `{key}: {yes}` eller `{key}: {no}`";
    SHAPE_NUMBER: "write a number: `{key}: 12` (the decimal separator is `.`)" / "skriv et tal: `{key}: 12` (decimaltegnet er `.`)";

    // ---- TL014: placeholders, and what each key asks ----
    PLACEHOLDER: "the draft is not finished: {n} {n|placeholder is|placeholders are} left" / "udkastet er ikke færdigt: der står stadig {n} {n|pladsholder|pladsholdere}";
    PLACEHOLDER_KEY_LABEL: "`{key}`, still to be filled in: {asks}" / "`{key}`, mangler at blive udfyldt: {asks}";
    PLACEHOLDER_LABEL: "the title, still to be filled in: {asks}" / "titlen, mangler at blive udfyldt: {asks}";
    PLACEHOLDER_HELP: "replace each placeholder with the real answer, or remove an optional line that does not apply; a placeholder never counts as an answer" / "skriv det rigtige svar i stedet for hver pladsholder, eller fjern en valgfri linje, der ikke er relevant; en pladsholder tæller aldrig som et svar";
    ASKS_TITLE: "a short title" / "en kort titel";
    ASKS_BURDEN_LABEL: "who spends the time, e.g. \"home care staff\"" / "hvem der bruger tiden, fx \"hjemmeplejens medarbejdere\"";
    ASKS_ID: "a unique id, like ABC-2026-01" / "et entydigt id, fx ABC-2026-01";
    ASKS_OWNER: "the committee or unit that proposes it" / "det udvalg eller den enhed, der foreslår det";
    ASKS_PURPOSE: "what it is for" / "hvad det er til for";
    ASKS_LEGAL_BASIS: "the law or decision it implements" / "den lov eller beslutning, det udmønter";
    ASKS_RISK: "the risk of the task, and why" / "opgavens risiko, og hvorfor";
    ASKS_TRIGGER: "what led to it" / "hvad der førte til det";
    ASKS_INVESTIGATION: "how the extent and origin of the problem were examined" / "hvordan problemets omfang og udspring er undersøgt";
    ASKS_SCOPE: "how many units it applies to" / "hvor mange enheder det gælder";
    ASKS_GOAL: "what is to be achieved (rather than how)" / "hvad der skal opnås (frem for hvordan)";
    ASKS_METHOD: "how the work must be done, if that must be prescribed" / "hvordan arbejdet skal gøres, hvis det skal foreskrives";
    ASKS_DECIDED_BY: "who decides how it is done: central or the local leaders" / "hvem der beslutter, hvordan det gøres: centralt eller de lokale ledere";
    ASKS_APPLIES_TO: "whether it is the same for every citizen, or done where a professional judges it useful or as agreed with the citizen" / "om det er ens for alle borgere, eller om det gøres, hvor en fagperson vurderer det nyttigt, eller efter aftale med borgeren";
    ASKS_DATA: "the data needed, each with how it is collected" / "de data, der skal bruges, hver med hvordan de indsamles";
    ASKS_BURDEN: "who spends time on it, and how much" / "hvem der bruger tid på det, og hvor meget";
    ASKS_MEASURE: "how the effect is measured" / "hvordan effekten måles";
    ASKS_REPORTING: "how results are reported" / "hvordan der rapporteres";
    ASKS_REVIEW: "when it is weighed again with a view to abolishing or simplifying it" / "hvornår det vurderes igen med henblik på afskaffelse eller forenkling";
    ASKS_SUNSET: "the date on which it lapses by itself" / "den dato, hvor det bortfalder af sig selv";
    ASKS_REPLACES: "the ids of the requirements it replaces" / "id'erne på de krav, det erstatter";
    ASKS_HEARD: "how the people who will spend the time were heard (MeningsSamlingen, the local MED committee, a trial)" / "hvordan de, der skal bruge tiden, er blevet hørt (MeningsSamlingen, det lokale MED-udvalg, en afprøvning)";
    ASKS_DISPENSATION: "how a unit can be exempted" / "hvordan en enhed kan fritages";
    ASKS_PEOPLE: "how many people spend the time" / "hvor mange personer der bruger tiden";
    ASKS_MINUTES: "minutes each time" / "minutter hver gang";
    ASKS_FREQUENCY: "how often" / "hvor ofte";
    ASKS_FRONTLINE: "whether the time is taken from work with citizens" / "om tiden tages fra arbejdet med borgerne";
    ASKS_CASES_PER_YEAR: "how many cases there are a year" / "hvor mange sager der er om året";
    SHAPE_DECIDED_BY: "write `{key}: local` (the local leaders decide how) or `{key}: central`, with an optional reason: `{key}: central \"…\"`" / "skriv `{key}: lokalt` (de lokale ledere beslutter hvordan) eller `{key}: centralt`, evt. med en begrundelse: `{key}: centralt \"…\"`";
    SHAPE_APPLIES_TO: "write `{key}:` and `every_case`, `by_assessment` or `by_agreement`, with an optional text" / "skriv `{key}:` og `alle_sager`, `efter_vurdering` eller `efter_aftale`, evt. med en tekst";
    WHAT_DECIDER: "decider" / "beslutningsniveau";
    WHAT_APPLICATION: "application" / "anvendelse";

    // ---- TL004: missing key ----
    MISSING_KEY: "requirement `{name}` is missing {keys}" / "kravet `{name}` mangler {keys}";
    MISSING_KEY_LABEL: "needs {keys}" / "kræver {keys}";
    MISSING_KEY_HELP: "add the missing keys; `{init}` writes a template with every key" / "tilføj de manglende felter; `{init}` skriver en skabelon med alle felter";
    WHY_ID: "an id names the requirement in reports and in `replaces`" / "et id navngiver kravet i rapporter og i `erstatter`";
    WHY_PURPOSE: "the Kodeks asks whether a requirement brings safety, learning or trust" / "Kodekset spørger, om et krav skaber sikkerhed, læring eller tillid";
    WHY_RISK: "control must be proportionate to the risk of the task" / "kontrol skal stå i forhold til opgavens risiko";
    WHY_SCOPE: "say how many units the requirement applies to" / "angiv, hvor mange enheder kravet gælder for";
    WHY_BURDEN: "say who spends how much time on it, for the burden estimate" / "angiv, hvem der bruger hvor meget tid på det, til byrdeberegningen";
    MISSING_BURDEN_KEY: "burden block `{label}` is missing {keys}" / "byrde-blokken `{label}` mangler {keys}";
    MISSING_BURDEN_KEY_HELP: "add {keys} inside the block, for the burden estimate" / "tilføj {keys} i blokken til byrdeberegningen";
    MISSING_CASES_PER_YEAR: "`{frequency}` needs `{key}` to say how often it happens" / "`{frequency}` kræver `{key}` for at sige, hvor ofte det sker";
    MISSING_CASES_PER_YEAR_LABEL: "once per case, but how many cases?" / "én gang pr. sag, men hvor mange sager?";

    // ---- TL005: duplicate key ----
    DUPLICATE_KEY: "`{key}` is given twice" / "`{key}` er angivet to gange";
    DUPLICATE_KEY_LABEL: "given again here" / "angivet igen her";
    DUPLICATE_KEY_FIRST: "first given here" / "først angivet her";
    DUPLICATE_KEY_HELP: "keep one of them; several values go on one key, separated by `,`" / "behold den ene; flere værdier skrives i ét felt, adskilt af `,`";
    DUPLICATE_BURDEN: "two burden blocks for `{label}`" / "to byrde-blokke for `{label}`";
    DUPLICATE_BURDEN_HELP: "merge them into one block, or name the groups differently" / "slå dem sammen til én blok, eller navngiv grupperne forskelligt";

    // ---- TL006, TL007: across files ----
    DUPLICATE_ID: "the id `{id}` is used by two requirements" / "id'et `{id}` bruges af to krav";
    DUPLICATE_ID_LABEL: "used again here" / "brugt igen her";
    DUPLICATE_ID_FIRST: "first used here" / "først brugt her";
    DUPLICATE_ID_HELP: "give each requirement its own id" / "giv hvert krav sit eget id";
    UNKNOWN_REPLACED_ID: "`{id}` is not among the requirements checked" / "`{id}` er ikke blandt de tjekkede krav";
    UNKNOWN_REPLACED_ID_LABEL: "no requirement with this id" / "intet krav med dette id";
    UNKNOWN_REPLACED_ID_HELP: "check the id, or check the replaced requirement's file together with this one" / "tjek id'et, eller tjek det erstattede kravs fil sammen med denne";
    REPLACED_ID_NOT_IN_REGISTER: "`{id}` is not a requirement of the register" / "`{id}` er ikke et krav i registret";
    REPLACED_ID_NOT_IN_REGISTER_HELP: "a proposal can only replace a requirement in force: check the id against the register" / "et forslag kan kun erstatte et gældende krav: tjek id'et mod registret";

    // ---- TL401, TL402: the register's dates ----
    REVIEW_OVERDUE: "`{id}` was due for review on {date}, {days} {days|day|days} ago" / "`{id}` skulle have været revideret {date}, for {days} {days|dag|dage} siden";
    REVIEW_OVERDUE_LABEL: "review date passed" / "revisionsdatoen er overskredet";
    REVIEW_OVERDUE_HELP: "review it: keep it with a new review date, simplify it, or propose its abolition" / "revidér det: behold det med en ny revisionsdato, forenkl det, eller foreslå det afskaffet";
    SUNSET_PASSED: "`{id}` lapsed on {date}, {days} {days|day|days} ago, but is still in the register" / "`{id}` udløb {date}, for {days} {days|dag|dage} siden, men står stadig i registret";
    SUNSET_PASSED_LABEL: "sunset passed" / "udløbsdatoen er passeret";
    SUNSET_PASSED_HELP: "remove it from the register, or have the committee renew it with a new sunset date" / "fjern det fra registret, eller lad udvalget forny det med en ny udløbsdato";

    // ---- TL008, TL009: suppressions ----
    SUPPRESSION_WITHOUT_REASON: "suppression of {codes} has no reason, so it is ignored" / "undtagelsen for {codes} har ingen begrundelse og gælder derfor ikke";
    SUPPRESSION_WITHOUT_REASON_LABEL: "reason missing" / "begrundelse mangler";
    SUPPRESSION_HELP: "explain the choice: `# trustlint: allow(TL105) \"why this is right here\"`" / "begrund valget: `# trustlint: allow(TL105) \"hvorfor det er rigtigt her\"`";
    MALFORMED_SUPPRESSION: "this `# trustlint:` comment cannot be read" / "denne `# trustlint:`-kommentar kan ikke læses";
    MALFORMED_SUPPRESSION_LABEL: "expected `allow(CODE, …) \"reason\"`" / "skrives `allow(KODE, …) \"begrundelse\"`";
    UNKNOWN_CODE_IN_SUPPRESSION: "`{code}` is not a code this ruleset knows" / "`{code}` er ikke en kode, som regelsættet kender";
    UNKNOWN_CODE_LABEL: "unknown code" / "ukendt kode";
    UNKNOWN_CODE_HELP: "`trustlint rules` lists every code and name" / "`trustlint rules` viser alle koder og navne";
    UNUSED_SUPPRESSION: "the suppression of `{code}` silenced nothing" / "undtagelsen for `{code}` skjulte ingenting";
    UNUSED_SUPPRESSION_LABEL: "nothing to silence here" / "intet at skjule her";
    UNUSED_SUPPRESSION_HELP: "remove it, or move it to the line right before the requirement or entry it is meant for" / "fjern den, eller flyt den til linjen lige før det krav eller den linje, den gælder";
    DETACHED_SUPPRESSION: "the suppression stands before no requirement or entry" / "undtagelsen står ikke lige før et krav eller en linje";

    // ---- TL010, TL011: files ----
    UNREADABLE_FILE: "cannot read `{path}`: {error}" / "kan ikke læse `{path}`: {error}";
    UNREADABLE_FILE_HELP: "check that the file exists and that you may read it; the other files are still checked" / "tjek, at filen findes, og at du må læse den; de andre filer tjekkes stadig";
    NOT_REGULAR_HELP: "only regular files are read (a pipe or a device could block or never end); the other files are still checked" / "kun almindelige filer læses (en pipe eller en enhed kan blokere eller aldrig slutte); de andre filer tjekkes stadig";
    TOO_LARGE_HELP: "a proposal takes a few kilobytes; to check a larger file, raise `--max-file-size`; the other files are still checked" / "et forslag fylder nogle få kilobytes; hæv `--max-file-size` for at tjekke en større fil; de andre filer tjekkes stadig";
    OUTSIDE_FOLDER_HELP: "name the file itself on the command line to check it; the other files are still checked" / "angiv selve filen på kommandolinjen for at tjekke den; de andre filer tjekkes stadig";
    NOT_UTF8: "`{path}` is not UTF-8 (invalid byte at offset {offset})" / "`{path}` er ikke UTF-8 (ugyldig byte ved position {offset})";
    NOT_UTF8_LABEL: "not UTF-8" / "ikke UTF-8";
    NOT_UTF8_HELP: "save the file as UTF-8 (files saved as Latin-1 or Windows-1252 hold æ, ø and å as single bytes)" / "gem filen som UTF-8 (filer gemt som Latin-1 eller Windows-1252 har æ, ø og å som enkelte bytes)";
    EMPTY_FILE: "`{path}` holds no requirement" / "`{path}` indeholder intet krav";
    EMPTY_FILE_HELP: "write a requirement (`trustlint init` gives a template), or remove the file" / "skriv et krav (`trustlint init` giver en skabelon), eller fjern filen";

    // ---- words the output formats share ----
    AND: "and" / "og";
    YES: "yes" / "ja";
    NO: "no" / "nej";
    ERROR_HEADING: "error" / "fejl";
    WARNING_HEADING: "warning" / "advarsel";
    NOTE_HEADING: "note" / "bemærkning";
    HELP_HEADING: "help" / "hjælp";
    SOURCE_HEADING: "Source" / "Kilde";
    MORE_LABELS: "{n} more {n|place is|places are} marked in the JSON and SARIF formats" / "{n} {n|sted|steder} mere er markeret i JSON- og SARIF-formaterne";
    SARIF_RULE_HELP: "{summary}\n\nSource: {source}\n\n`trustlint explain {code}` shows an example and how to fix it." / "{summary}\n\nKilde: {source}\n\n`trustlint explain {code}` viser et eksempel, og hvordan det rettes.";

    // ---- the closing lines of `check` ----
    COUNT_ERRORS: "{n} {n|error|errors}" / "{n} fejl";
    COUNT_WARNINGS: "{n} {n|warning|warnings}" / "{n} {n|advarsel|advarsler}";
    COUNT_NOTES: "{n} {n|note|notes}" / "{n} {n|bemærkning|bemærkninger}";
    COUNT_FILES: "{n} {n|file|files}" / "{n} {n|fil|filer}";
    COUNT_REQUIREMENTS: "{n} {n|requirement|requirements}" / "{n} krav";
    NO_PROBLEMS: "no problems" / "ingen problemer";
    CHECKED_CLEAN: "checked {files} ({requirements}): no problems found" / "tjekkede {files} ({requirements}): ingen problemer fundet";
    CHECKED_FOUND: "found {counts} in {files} ({requirements} checked)" / "fandt {counts} i {files} ({requirements} tjekket)";
    BURDEN_HEADING: "burden" / "byrde";
    BURDEN_NOT_ESTIMATED: "not estimated: {n} {n|requirement has|requirements have} errors" / "ikke beregnet: {n} {n|krav har|krav har} fejl";
    BURDEN_PARTLY_ESTIMATED: "{n} {n|requirement|requirements} with errors not counted" / "{n} krav med fejl er ikke talt med";
    NOT_ESTIMATED: "not estimated, {n} {n|requirement has|requirements have} errors (run `trustlint check`): {names}" / "ikke beregnet, {n} krav har fejl (kør `trustlint check`): {names}";
    BURDEN_TOTAL: "{hours} {hours|hour|hours} a year ({fte} FTE, DKK {cost}), {frontline} of them taken from work with citizens" / "{hours} {hours|time|timer} om året ({fte} årsværk, {cost} kr.), heraf {frontline} fra arbejdet med borgerne";

    // ---- `burden`: the table ----
    COLUMN_REQUIREMENT: "requirement" / "krav";
    COLUMN_GROUP: "group" / "gruppe";
    COLUMN_PEOPLE: "people" / "personer";
    COLUMN_HOURS_PER_PERSON: "h/person/yr" / "t/person/år";
    COLUMN_HOURS: "hours/yr" / "timer/år";
    COLUMN_FTE: "FTE" / "årsværk";
    COLUMN_COST: "cost DKK" / "kr.";
    COLUMN_FRONTLINE: "frontline h/yr" / "borgernære t/år";
    ROW_TOTAL: "total" / "i alt";
    AUDIT_DATES_HEADING: "past their review date or sunset on {today}" / "overskredet revisionsdato eller udløb pr. {today}";
    AUDIT_NO_DATES: "no requirement is past its review date or sunset on {today}" / "intet krav har overskredet sin revisionsdato eller sit udløb pr. {today}";
    NO_TODAY: "the system clock gives no date: give the day with `--today YYYY-MM-DD`" / "systemuret giver ingen dato: angiv dagen med `--today ÅÅÅÅ-MM-DD`";
    AUDIT_GROUPS_HEADING: "load on each group" / "belastningen af hver gruppe";
    AUDIT_GROUPS_LIMIT: "load on each group (the limit is {limit} hours per person a year)" / "belastningen af hver gruppe (grænsen er {limit} timer pr. person om året)";
    AUDIT_CANDIDATES_HEADING: "abolition candidates, by the hours a year their abolition would free" / "kandidater til afskaffelse efter de timer om året, en afskaffelse frigør";
    AUDIT_NO_CANDIDATES: "no requirement has an error or a warning against it" / "intet krav har en fejl eller en advarsel imod sig";
    AUDIT_SUMMARY: "{requirements} {requirements|requirement|requirements} in force: {dates} past {dates|its|their} review date or sunset, {over} {over|group|groups} over the limit, {candidates} abolition {candidates|candidate|candidates}" / "{requirements} gældende krav: {dates} med overskredet revisionsdato eller udløb, {over} {over|gruppe|grupper} over grænsen, {candidates} {candidates|kandidat|kandidater} til afskaffelse";
    AUDIT_TITLE: "The register of requirements in force, reviewed on {today}" / "Registret over gældende krav, gennemgået pr. {today}";
    AUDIT_CHART_CAPTION: "Hours per person a year, each group" / "Timer pr. person om året for hver gruppe";
    COLUMN_CODE: "code" / "kode";
    COLUMN_TITLE: "title" / "titel";
    COLUMN_DATE: "date" / "dato";
    COLUMN_DAYS_OVERDUE: "days overdue" / "dage over tid";
    COLUMN_RANK: "#" / "nr.";
    COLUMN_ERRORS: "errors" / "fejl";
    COLUMN_WARNINGS: "warnings" / "advarsler";
    COLUMN_FINDINGS: "findings" / "fund";
    COLUMN_OVER_LIMIT: "over limit" / "over grænsen";
    WORD_YES: "yes" / "ja";
    // ---- report: the committee's HTML document ----
    CANNOT_WRITE_REPORT: "cannot make the report: {reason}" / "kan ikke lave rapporten: {reason}";
    REPORT_TITLE: "Proposed requirements judged against the Kodeks for tillid" / "Forslag til krav vurderet efter Kodeks for tillid";
    REPORT_MADE_BY: "Made by trustlint {version} with the ruleset {ruleset}. Each finding cites the words of the source it rests on." / "Lavet af trustlint {version} med regelsættet {ruleset}. Hvert fund henviser til ordene i den kilde, det bygger på.";
    REPORT_SUMMARY_HEADING: "Summary" / "Sammenfatning";
    REPORT_SUMMARY_LINE: "{proposals} {proposals|proposal|proposals}: {failing} {failing|does|do} not meet the kodeks, {remarks} with remarks, {clean} without remarks." / "{proposals} {proposals|forslag|forslag}: {failing} lever ikke op til kodekset, {remarks} med bemærkninger, {clean} uden bemærkninger.";
    REPORT_COL_PROPOSAL: "proposal" / "forslag";
    REPORT_COL_ID: "id" / "id";
    REPORT_COL_VERDICT: "verdict" / "vurdering";
    REPORT_OWNER: "proposed by" / "forslagsstiller";
    REPORT_FILE: "file" / "fil";
    REPORT_VERDICT_FAILS: "does not meet the kodeks" / "lever ikke op til kodekset";
    REPORT_VERDICT_REMARKS: "meets the kodeks, with remarks" / "lever op til kodekset, med bemærkninger";
    REPORT_VERDICT_CLEAN: "meets the kodeks" / "lever op til kodekset";
    REPORT_CHECKLIST_HEADING: "The kodeks' principles" / "Kodeksets principper";
    REPORT_CHECKLIST_EXPLAIN: "Each principle with the words it rests on. Not met: a finding below names what to change. Not applicable: trustlint could not judge the proposal against it." / "Hvert princip med de ord, det bygger på. Ikke opfyldt: et fund nedenfor siger, hvad der skal ændres. Ikke relevant: trustlint kunne ikke vurdere forslaget efter det.";
    REPORT_COL_STATUS: "status" / "status";
    REPORT_COL_PRINCIPLE: "principle and source" / "princip og kilde";
    REPORT_MET: "met" / "opfyldt";
    REPORT_NOT_MET: "not met" / "ikke opfyldt";
    REPORT_NOT_APPLICABLE: "not applicable" / "ikke relevant";
    REPORT_WHY_NOT_JUDGED: "The proposal has errors in its form (see the findings), so the rules were not applied to it." / "Forslaget har fejl i sin form (se fundene), så reglerne blev ikke anvendt på det.";
    REPORT_WHY_SWITCHED_OFF: "The rules of this principle are switched off in the settings." / "Reglerne for dette princip er slået fra i indstillingerne.";
    REPORT_FINDINGS_HEADING: "Findings and what to change" / "Fund og hvad der skal ændres";
    REPORT_COL_FINDING: "finding" / "fund";
    REPORT_COL_WHAT: "what trustlint found" / "hvad trustlint fandt";
    REPORT_LINE: "line" / "linje";
    REPORT_CHANGE: "What to change" / "Det skal ændres";
    REPORT_NO_FINDINGS: "No findings." / "Ingen fund.";
    REPORT_BURDEN_HEADING: "Burden (Standard Cost Model)" / "Byrde (standardomkostningsmodellen)";
    REPORT_HOURS_PER_YEAR: "hours a year" / "timer om året";
    REPORT_FTE: "full-time equivalents" / "årsværk";
    REPORT_COST: "cost a year, DKK" / "udgift om året, kr.";
    REPORT_FRONTLINE_SHARE: "taken from work with citizens" / "taget fra arbejdet med borgerne";
    REPORT_NOT_ESTIMATED: "Not estimated: the proposal's errors leave its burden incomplete, and a figure from incomplete input would mislead." / "Ikke beregnet: forslagets fejl gør byrden ufuldstændig, og et tal fra ufuldstændige oplysninger ville vildlede.";
    REPORT_BAR_PROPOSAL: "this proposal" / "dette forslag";
    REPORT_BAR_BEFORE: "in force now" / "gældende nu";
    REPORT_BAR_AFTER: "with the proposal" / "med forslaget";
    REPORT_LIMIT: "limit {limit} h" / "grænse {limit} t";
    REPORT_CHART_CAPTION: "`{group}`: hours per person a year ({people} {people|person|people})." / "`{group}`: timer pr. person om året ({people} {people|person|personer}).";
    REPORT_RULES: "checked by" / "kontrolleres af";
    REPORT_UNJUDGED_HEADING: "Files that could not be judged" / "Filer, der ikke kunne vurderes";
    REPORT_UNJUDGED_EXPLAIN: "No proposal could be read from these files; the findings say why." / "Der kunne ikke læses noget forslag fra disse filer; fundene siger hvorfor.";
    REPORT_UNJUDGED_LINE: "{files} {files|file|files} could not be judged: see the end of the report." / "{files} {files|fil|filer} kunne ikke vurderes: se sidst i rapporten.";
    REPORT_COUNTS: "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {notes} {notes|note|notes}" / "{errors} fejl, {warnings} {warnings|advarsel|advarsler}, {notes} {notes|bemærkning|bemærkninger}";
    LEVEL_ERROR_WORD: "error" / "fejl";
    LEVEL_WARNING_WORD: "warning" / "advarsel";
    LEVEL_NOTE_WORD: "note" / "bemærkning";
    LOADS_HEADING: "load on each group with the register (hours a year)" / "belastningen af hver gruppe med registret (timer om året)";
    COLUMN_BEFORE: "before" / "før";
    COLUMN_REMOVED: "removed" / "fjernet";
    COLUMN_ADDED: "added" / "tilføjet";
    COLUMN_AFTER: "after" / "efter";
    COLUMN_PER_PERSON_BEFORE: "h/person/yr before" / "t/person/år før";
    COLUMN_PER_PERSON_AFTER: "h/person/yr after" / "t/person/år efter";
    ONE_OFF: "one-off (first year only): {hours} {hours|hour|hours}" / "engangsbyrde (kun første år): {hours} {hours|time|timer}";

    // ---- `explain` ----
    EXAMPLE_THAT_FIRES: "An example that fires {code}" / "Et eksempel, der udløser {code}";
    TRUSTLINT_SAYS: "trustlint says" / "trustlint siger";
    EXAMPLE_THAT_PASSES: "An example that passes" / "Et eksempel, der består";
    HOW_TO_FIX: "How to fix it" / "Sådan rettes det";
    UNKNOWN_CODE_OR_NAME: "unknown code `{code}`" / "ukendt kode `{code}`";
    RULES_LISTS_EVERY_CODE: "`trustlint rules` lists every code" / "`trustlint rules` viser alle koder";

    // ---- `ruleset check`, `ruleset test` ----
    RULESET_VALID: "{file}: ruleset `{name}` {version} is valid: {rules} {rules|rule|rules}" / "{file}: regelsættet `{name}` {version} er gyldigt: {rules} {rules|regel|regler}";
    TEST_BASE: "{base} (the base fires no rule) ... {result}" / "{base} (grundkravet udløser ingen regel) ... {result}";
    TEST_EXAMPLE_FIRES: "{code} example {number} (fires) ... {result}" / "{code} eksempel {number} (udløser) ... {result}";
    TEST_EXAMPLE_PASSES: "{code} example {number} (does not fire) ... {result}" / "{code} eksempel {number} (udløser ikke) ... {result}";
    TEST_OK: "ok" / "ok";
    TEST_DID_NOT_FIRE: "FAILED: the rule did not fire" / "FEJL: reglen slog ikke til";
    TEST_FIRED_WRONGLY: "FAILED: the rule fired" / "FEJL: reglen slog til";
    TEST_INVALID: "FAILED: the example is not valid: {reason}" / "FEJL: eksemplet er ikke gyldigt: {reason}";
    TEST_SUMMARY: "{passed} passed, {failed} failed" / "{passed} bestået, {failed} fejlet";
    EXAMPLE_FILE_NAME: "<{code} example {number}>" / "<{code} eksempel {number}>";
    BASE_FIRES: "the base fires {code}: {message}" / "grundkravet udløser {code}: {message}";
    NO_EXAMPLE_BASE: "the ruleset has no base requirement `examples.{lang}`" / "regelsættet har intet grundkrav `examples.{lang}`";
    BASE_DOES_NOT_PARSE: "the base requirement does not parse" / "grundkravet kan ikke læses";
    PATCH_DOES_NOT_PARSE: "the patch does not parse:\n{patch}" / "ændringen kan ikke læses:\n{patch}";
    WITHOUT_NOT_A_KEY: "`without` names `{name}`, which is not a key" / "`without` nævner `{name}`, som ikke er et felt";

    // ---- TL012: a ruleset's own errors ----
    RULESET_NOT_READ: "{reason}" / "dette kan ikke læses som et regelsæt: tjek stavning, anførselstegn og klammer";
    RULESET_SHAPE_HELP: "see docs/rules.md for the shape of a ruleset" / "se i docs/rules.md, hvordan et regelsæt skrives";
    FIELDS_HERE: "the keys here are {list}" / "felterne her er {list}";
    NOT_A_LANGUAGE_BASE: "`examples.{lang}` is not a language" / "`examples.{lang}` er ikke et sprog";
    EXAMPLE_BASES_HELP: "the bases are `examples.en` and `examples.da`" / "grundkravene er `examples.en` og `examples.da`";
    CODE_TWICE: "the code `{code}` is used twice" / "koden `{code}` bruges to gange";
    CODE_IN_OTHER_CASE: "the code `{code}` is taken: `{taken}` is the same code in another case" / "koden `{code}` er optaget: `{taken}` er samme kode, blot med andre store og små bogstaver";
    OWN_CODE_HELP: "give every rule its own code" / "giv hver regel sin egen kode";
    NAME_TWICE: "the name `{name}` is used twice" / "navnet `{name}` bruges to gange";
    OWN_NAME_HELP: "give every rule its own name" / "giv hver regel sit eget navn";
    NO_QUOTE: "rule `{code}` quotes no source" / "reglen `{code}` citerer ingen kilde";
    NO_QUOTE_HELP: "add `[[rule.quote]]` with `document`, `section` and `text`: the words the rule rests on" / "tilføj `[[rule.quote]]` med `document`, `section` og `text`: de ord, reglen bygger på";
    UNKNOWN_DOCUMENT: "unknown document `{document}`" / "ukendt dokument `{document}`";
    DECLARE_DOCUMENT_HELP: "declare it under `[documents]`: `id = { en = \"title\", da = \"titel\" }`" / "angiv det under `[documents]`: `id = { en = \"title\", da = \"titel\" }`";
    DOCUMENTS_HELP: "the documents of this ruleset are {list}" / "regelsættets dokumenter er {list}";
    EMPTY_QUOTE: "an empty quote" / "et tomt citat";
    NOT_A_CODE: "`{code}` is not a code" / "`{code}` er ikke en kode";
    CODE_HELP: "codes are letters and digits, like `TL101`" / "en kode består af bogstaver og tal, fx `TL101`";
    NOT_A_RULE_NAME: "`{name}` is not a rule name" / "`{name}` er ikke et regelnavn";
    RULE_NAME_HELP: "names are lower case words joined by `-`, like `single-case-generalised`" / "et navn er ord med små bogstaver, bundet sammen med `-`, fx `single-case-generalised`";
    WHEN_AND_BUILTIN: "a rule has either `when` or `builtin`, not both" / "en regel har enten `when` eller `builtin`, ikke begge";
    NEITHER_WHEN_NOR_BUILTIN: "rule `{code}` has neither `when` nor `builtin`" / "reglen `{code}` har hverken `when` eller `builtin`";
    ADD_CONDITION_HELP: "add a condition: `when = \"…\"`" / "tilføj en betingelse: `when = \"…\"`";
    UNKNOWN_BUILTIN: "unknown built-in `{name}`" / "ukendt indbygget kontrol `{name}`";
    BUILTINS_HELP: "the built-ins are {list}" / "de indbyggede kontroller er {list}";
    NOT_A_LIST_FIELD: "`{name}` is not a list" / "`{name}` er ikke en liste";
    EACH_HELP: "`each` takes one of {list}" / "`each` tager en af {list}";
    LABEL_NEEDS_KEY: "the label needs a `key`: the entry whose span it marks" / "`label` skal have en `key`: det felt i kravet, som den peger på";
    LABEL_KEY_HELP: "for example `label = { key = \"scope\", en = \"…\", da = \"…\" }`" / "for eksempel `label = { key = \"scope\", en = \"…\", da = \"…\" }`";
    NOT_A_REQUIREMENT_KEY: "`{key}` is not a key of a requirement" / "`{key}` er ikke et felt i et krav";
    KEYS_ARE: "the keys are: {list}" / "felterne er: {list}";
    EXPLANATION_ONLY_PARAMS: "an explanation can only name parameters" / "en forklaring kan kun nævne parametre";
    EXPLANATION_ONLY_PARAMS_HELP: "write `{$parameter}`; fields of a requirement belong in `message`, `label` or `help`" / "skriv `{$parameter}`; et kravs felter hører hjemme i `message`, `label` eller `help`";
    EXAMPLE_WITHOUT_BASE: "this example patches `examples.{lang}`, which the ruleset does not have" / "eksemplet ændrer i `examples.{lang}`, som regelsættet ikke har";
    ADD_BASE_HELP: "add a base requirement: `[examples]` with `en = '''…'''`" / "tilføj et grundkrav: `[examples]` med `da = '''…'''`";
    EXAMPLE_KRAV_OR_PATCH: "an example has either `krav` (a whole text) or `with`/`without` (a patch of the base)" / "et eksempel har enten `krav` (en hel tekst) eller `with`/`without` (en ændring af grundkravet)";
    NO_EXAMPLES: "rule `{code}` has no examples" / "reglen `{code}` har ingen eksempler";
    NO_EXAMPLE_THAT_FIRES: "rule `{code}` has no example that fires" / "reglen `{code}` har intet eksempel, hvor den slår til";
    NO_EXAMPLE_THAT_PASSES: "rule `{code}` has no example that does not fire" / "reglen `{code}` har intet eksempel, hvor den ikke slår til";
    EXAMPLES_HELP: "add `[[rule.example]]` tables: at least one with `fires = true` and one with `fires = false`" / "tilføj `[[rule.example]]`-tabeller: mindst én med `fires = true` og én med `fires = false`";
    // Parameters, in a ruleset or a config's `[params]`.
    PARAM_OF_KIND: "a parameter is a number, a word or a table of them, not {kind}" / "en parameter er et tal, et ord eller en tabel af dem, ikke {kind}";
    KIND_BOOLEAN: "true or false" / "sand eller falsk";
    KIND_LIST: "a list" / "en liste";
    KIND_DATE: "a date" / "en dato";
    KIND_NOT_FINITE: "a number that is not finite" / "et tal, der ikke er endeligt";
    KIND_WORD: "a word" / "et ord";
    KIND_TABLE: "a table" / "en tabel";
    PARAM_RANGE: "`{name}` must be from {min} to {max}, not {value}" / "`{name}` skal være fra {min} til {max}, ikke {value}";
    PARAM_KIND: "`{name}` must be {kind}, not {other}" / "`{name}` skal være {kind}, ikke {other}";
    PARAM_HAS_NO: "the parameter `{name}` has no `{key}`" / "parameteren `{name}` har ingen `{key}`";
    PARAM_NOT_A_TABLE: "the parameter `{name}` is not a table" / "parameteren `{name}` er ikke en tabel";
    OCCURRENCES_NOT_FREQUENCY: "`occurrences.{name}` is not a frequency; the frequencies are {list}" / "`occurrences.{name}` er ikke en hyppighed; hyppighederne er {list}";
    OCCURRENCES_RANGE: "`occurrences.{name}` must be from 0 to {max} (once a minute), not {value}" / "`occurrences.{name}` skal være fra 0 til {max} (én gang i minuttet), ikke {value}";
    TABLE_KEYS: "its keys are: {keys}" / "dens felter er: {keys}";
    // The expressions of conditions and messages.
    EMPTY_EXPRESSION: "empty expression" / "tomt udtryk";
    NOT_EXPECTED_IN_EXPRESSION: "this cannot stand here" / "dette kan ikke stå her";
    NESTS_TOO_DEEP: "the expression nests deeper than {max} levels" / "udtrykket har parenteser i mere end {max} niveauer";
    NESTS_TOO_DEEP_HELP: "split the condition, or remove parentheses that group nothing" / "del betingelsen op, eller fjern parenteser, der ikke samler noget";
    EXPRESSION_HELP: "see docs/rules.md for the expression language" / "se i docs/rules.md, hvordan udtryk skrives";
    PHRASE_AND_OR: "`and` or `or`" / "`and` eller `or`";
    PHRASE_COMPARISON: "a comparison" / "en sammenligning";
    PHRASE_OPERATOR: "an operator" / "et regnetegn";
    PHRASE_END_OF_EXPRESSION: "the end of the expression" / "udtrykkets slutning";
    PHRASE_OPERAND: "a value (a number, a \"text\", a field, a $parameter or a call)" / "en værdi (et tal, en \"tekst\", et felt, en $parameter eller et kald)";
    TYPE_BOOLEAN: "a boolean" / "sand eller falsk";
    TYPE_TEXT: "a word or text" / "et ord eller en tekst";
    TYPE_ELEMENTS: "a list of elements" / "en liste af elementer";
    CONDITION_NOT_BOOLEAN: "a condition must be true or false, but this is {type}" / "en betingelse skal være sand eller falsk, men dette er {type}";
    CONDITION_NOT_BOOLEAN_HELP: "compare it with something, as in `scope.units > 1`, or test it with `exists(…)`" / "sammenlign det med noget, som i `scope.units > 1`, eller afprøv det med `exists(…)`";
    ELEMENTS_NOT_SHOWN: "`{list}` is a list of elements and cannot be shown" / "`{list}` er en liste af elementer og kan ikke vises";
    ELEMENTS_NOT_SHOWN_HELP: "show one of its figures, or `count(…)`" / "vis et af dens tal, eller `count(…)`";
    QUADRATIC: "this condition could take time that grows with the square of a requirement's size: {why}" / "denne betingelse kan tage tid, der vokser med kvadratet på kravets størrelse: {why}";
    QUADRATIC_EACH: "it goes over a list for every item of `{list}` (`each`)" / "den gennemgår en liste for hvert element i `{list}` (`each`)";
    QUADRATIC_NESTED: "it goes over a list inside another list" / "den gennemgår en liste inde i en anden liste";
    QUADRATIC_HELP: "a rule goes over one list once: no `any`/`all` (or `count`, `purpose.kinds`, `measure.kinds`, `replaces`) inside another, nor inside a rule with `each`; split it into rules (docs/rules.md, \"Cost\")" / "en regel gennemgår én liste én gang: ingen `any`/`all` (eller `count`, `purpose.kinds`, `measure.kinds`, `replaces`) inde i en anden og heller ikke i en regel med `each`; del den op i flere regler (docs/rules.md, \"Cost\")";
    MUST_BE: "{role} must be {wanted}, but this is {type}" / "{role} skal være {wanted}, men dette er {type}";
    MISSING_OPERAND: "{role} is missing" / "{role} mangler";
    ROLE_OR: "each side of `or`" / "hver side af `or`";
    ROLE_AND: "each side of `and`" / "hver side af `and`";
    ROLE_NOT: "what `not` negates" / "det, `not` står foran,";
    ROLE_ARITHMETIC: "each side of `+`, `-`, `*` or `/`" / "hver side af `+`, `-`, `*` eller `/`";
    ROLE_MINUS: "a negated value" / "det, `-` står foran,";
    ROLE_ORDER: "each side of a `<`, `<=`, `>` or `>=`" / "hver side af `<`, `<=`, `>` eller `>=`";
    ROLE_CONDITION: "the condition" / "betingelsen";
    RIGHT_SIDE_MISSING: "an operator needs a right-hand side" / "der mangler noget efter regnetegnet";
    COMPARISON_RIGHT_SIDE_MISSING: "a comparison needs a right-hand side" / "der mangler noget efter sammenligningen";
    ONLY_PARAM_INDEXED: "only a $parameter table can be indexed with `[…]`" / "kun en $parameter-tabel kan slås op i med `[…]`";
    NOT_A_NUMBER: "not a number, or too large to be one" / "ikke et tal, eller for stort til at være et";
    LIST_IN_LIST: "a list cannot hold a list" / "en liste kan ikke indeholde en liste";
    ELEMENTS_COMPARED: "`{list}` is a list of elements" / "`{list}` er en liste af elementer";
    ELEMENTS_COMPARED_HELP: "use `any(…)`, `all(…)` or `count(…)`" / "brug `any(…)`, `all(…)` eller `count(…)`";
    IN_NEEDS_LIST: "`in` needs a list on its right, but this is {type}" / "`in` skal have en liste til højre, men dette er {type}";
    IN_NEEDS_LIST_HELP: "write a list, as in `trigger.kind in [single_case, press]`" / "skriv en liste, som i `trigger.kind in [single_case, press]`";
    ARITY: "`{name}` takes {n} {n|argument|arguments}, not {given}" / "`{name}` tager {n} {n|argument|argumenter}, ikke {given}";
    COUNT_NEEDS_LIST: "`count` needs a list, but this is {type}" / "`count` skal have en liste, men dette er {type}";
    NEEDS_ELEMENTS: "`{name}` needs a list of elements, but this is {type}" / "`{name}` skal have en liste af elementer, men dette er {type}";
    NEEDS_ELEMENTS_HELP: "the lists are {lists}; for a list of words use `in`" / "listerne er {lists}; brug `in` til en liste af ord";
    UNKNOWN_FUNCTION: "unknown function `{name}`" / "ukendt funktion `{name}`";
    FUNCTIONS_HELP: "the functions are exists, count, any and all" / "funktionerne er exists, count, any og all";
    UNKNOWN_PARAMETER: "unknown parameter `{name}`" / "ukendt parameter `{name}`";
    ONE_INDEX: "only one `[…]` is allowed" / "der må kun stå ét `[…]`";
    UNKNOWN_FIELD_OR_WORD: "unknown field or word `{name}`" / "ukendt felt eller ord `{name}`";
    FIELDS_AND_WORDS_HELP: "see docs/rules.md for the fields and words" / "se felterne og ordene i docs/rules.md";
    UNCLOSED_PLACEHOLDER: "unclosed `{` in a message" / "`{` uden afsluttende `}` i en tekst";
    UNCLOSED_PLACEHOLDER_HELP: "close the placeholder with `}`" / "afslut pladsholderen med `}`";
    PLURAL_FORMS: "a plural placeholder has two forms, the singular and the plural" / "en pladsholder, der bøjer et ord efter et tal, har to former: ental og flertal";
    PLURAL_FORMS_HELP: "write `{n|case|cases}`" / "skriv `{n|sag|sager}`";

    // ---- `init` ----
    INIT_FILE_NAME: "proposal.krav" / "forslag.krav";
    INIT_WROTE: "wrote {path}: fill in every TODO and \"…\", then run `trustlint check {path}`" / "skrev {path}: udfyld alle TODO og \"…\", og kør så `trustlint check {path}`";
    FILE_EXISTS: "`{path}` exists; use --force to replace it" / "`{path}` findes allerede; brug --force for at erstatte den";

    // ---- errors that stop a command (exit status 2) ----
    NO_SUCH_PATH: "no such file or directory: {path}" / "filen eller mappen findes ikke: {path}";
    CANNOT_READ_BASELINE: "cannot read the baseline `{path}`: {reason}" / "kan ikke læse baseline-filen `{path}`: {reason}";
    BASELINE_REASON: "accepted in the baseline `{path}`" / "accepteret i baseline-filen `{path}`";
    BASELINE_STALE: "the baseline `{path}` accepts {count} {count|finding|findings} of `{code}` for `{name}` that {count|is|are} no longer found; lower or remove the entry" / "baseline-filen `{path}` accepterer {count} {count|fund|fund} af `{code}` for `{name}`, som ikke længere findes; sænk eller fjern posten";
    BASELINE_WRITTEN: "wrote {entries} {entries|entry|entries} ({findings} {findings|finding|findings}) to `{path}`" / "skrev {entries} {entries|post|poster} ({findings} fund) til `{path}`";
    REGISTER_NOT_A_FOLDER: "the register `{path}` is not a folder" / "registret `{path}` er ikke en mappe";
    ONLY_THE_REGISTER: "every file given is part of the register; name the proposals to judge with it" / "alle de angivne filer hører til registret; angiv de forslag, der skal vurderes sammen med det";
    NO_KRAV_FILES: "no .krav files found in {paths}" / "ingen .krav-filer fundet i {paths}";
    CANNOT_READ_RULESET: "cannot read the ruleset `{path}`: {reason}" / "kan ikke læse regelsættet `{path}`: {reason}";
    RULESET_HAS_ERRORS: "the ruleset `{name}` has errors; nothing was checked" / "regelsættet `{name}` har fejl; intet blev tjekket";
    RULESET_OR_PARAMS_HAVE_ERRORS: "the ruleset `{name}` or the parameters the config sets for it have errors; nothing was checked" / "regelsættet `{name}` eller de parametre, konfigurationen sætter for det, har fejl; intet blev tjekket";
    CANNOT_READ_CONFIG: "cannot read the config `{path}`: {reason}" / "kan ikke læse konfigurationen `{path}`: {reason}";
    CONFIG_HAS_ERRORS: "the config `{path}` has errors; nothing was checked" / "konfigurationen `{path}` har fejl; intet blev tjekket";
    CANNOT_WRITE_FILE: "cannot write `{path}`: {reason}" / "kan ikke skrive `{path}`: {reason}";
    CANNOT_WRITE_OUTPUT: "cannot write the output: {reason}" / "kan ikke skrive resultatet: {reason}";
    CANNOT_OPEN_CACHE: "cannot open the cache `{path}`: {reason}; checking without it" / "kan ikke åbne cachen `{path}`: {reason}; tjekker uden den";
    CANNOT_WRITE_MANUAL: "cannot write the manual page: {reason}" / "kan ikke skrive manualsiden: {reason}";
    NO_SUCH_FILE: "no such file" / "filen findes ikke";
    NO_SUCH_FILE_OR_DIRECTORY: "no such file or directory" / "filen eller mappen findes ikke";
    PERMISSION_DENIED: "permission denied" / "adgang nægtet";
    IS_A_DIRECTORY: "it is a directory" / "det er en mappe";
    NOT_A_DIRECTORY: "a part of the path is not a directory" / "en del af stien er ikke en mappe";
    READ_ONLY_FILE_SYSTEM: "the file system is read-only" / "filsystemet er skrivebeskyttet";
    BASELINE_NOT_READ: "{reason}" / "den har ikke formen af en baseline-fil fra denne version af trustlint; skriv den igen med `trustlint baseline`";
    // What clap refuses, said in Danish (in English, clap's own words).
    USAGE_UNKNOWN_OPTION: "unknown option `{arg}`" / "ukendt tilvalg `{arg}`";
    USAGE_UNKNOWN_COMMAND: "unknown command `{command}`" / "ukendt kommando `{command}`";
    USAGE_INVALID_VALUE: "`{value}` is not a value of `{arg}`" / "`{value}` er ikke en gyldig værdi for `{arg}`";
    USAGE_MISSING: "{args} must be given" / "der mangler {args}";
    USAGE_CONFLICT: "`{arg}` cannot be used with `{other}`" / "`{arg}` kan ikke bruges sammen med `{other}`";
    USAGE_NOT_READ: "the command line cannot be read" / "kommandolinjen kan ikke læses";
    USAGE_SEE_HELP: "`{command} --help` lists the options" / "`{command} --help` viser alle muligheder";
    SIZE_HELP: "write a size like `256M`, `64K` or `1000`" / "skriv en størrelse som `256M`, `64K` eller `1000`";
    // ---- TL013 and level flags: trustlint.toml, -D/-W/-A ----
    LEVEL_FIXED: "the level of `{code}` cannot be changed" / "niveauet for `{code}` kan ikke ændres";
    LEVEL_FIXED_HELP: "it means a file was not checked at all; fix the file instead" / "koden betyder, at en fil slet ikke blev tjekket; ret filen i stedet";
    NOT_A_SELECTOR: "`{selector}` is not a code or rule name" / "`{selector}` er hverken en kode eller et regelnavn";
    SELECTOR_HELP: "`trustlint rules` lists every code and name; `warnings` selects all warnings" / "`trustlint rules` viser alle koder og navne; `warnings` vælger alle advarsler";
    CONFIG_NOT_READ: "this cannot be read as a setting: {reason}" / "dette kan ikke læses som en indstilling: tjek stavning, anførselstegn og klammer";
    RULESET_OUTSIDE_CONFIG: "the ruleset `{path}` is outside this config's folder" / "regelsættet `{path}` ligger uden for konfigurationens mappe";
    RULESET_OUTSIDE_CONFIG_HELP: "a config names a built-in ruleset or a file in its own folder or below; another can be given with `--ruleset`" / "en konfiguration kan nævne et indbygget regelsæt eller en fil i sin egen mappe eller under den; et andet kan angives med `--ruleset`";
    UNKNOWN_PARAM: "the ruleset has no parameter `{name}`" / "regelsættet har ingen parameter `{name}`";
    CONFIG_KEYS_HELP: "the keys are ruleset, lang, register, include, exclude, [rules] and [params]; see the README" / "felterne er ruleset, lang, register, include, exclude, [rules] og [params]; se README";
    UNKNOWN_LANGUAGE: "unknown language `{lang}`" / "ukendt sprog `{lang}`";
    LANG_HELP: "`lang` is \"en\" or \"da\"" / "`lang` er \"en\" eller \"da\"";
    NOT_A_GLOB: "not a glob: {reason}" / "ikke et gyldigt mønster: {reason}";
    GLOB_HELP: "globs are like \"drafts/**\" or \"**/*.krav\"" / "mønstre skrives som \"drafts/**\" eller \"**/*.krav\"";
    GLOBS_DO_NOT_BUILD: "the globs do not build: {reason}" / "mønstrene kan ikke bruges: {reason}";
    GLOBS_HELP: "check the include and exclude globs" / "tjek mønstrene i include og exclude";
    UNKNOWN_LEVEL: "unknown level `{level}`" / "ukendt niveau `{level}`";
    LEVELS_HELP: "the levels are `\"error\"`, `\"warning\"`, `\"note\"` and `\"allow\"`" / "niveauerne er `\"error\"`, `\"warning\"`, `\"note\"` og `\"allow\"`";
    PARAMS_HELP: "parameters are numbers, words or tables of them" / "parametre er tal, ord eller tabeller af dem";
    PARAMS_LIST: "the ruleset's parameters are: {names}" / "regelsættets parametre er: {names}";

    // ---- `check --fix` ----
    FIXED: "fixed {n} {n|problem|problems} in {files}" / "rettede {n} {n|problem|problemer} i {files}";
    CHANGED_MEANWHILE: "`{path}` changed while it was checked, so it was not fixed; run the check again" / "`{path}` blev ændret, mens den blev tjekket, så den blev ikke rettet; kør tjekket igen";
    FIXABLE: "{n} of them can be fixed with `trustlint check --fix` (`--diff` shows how)" / "{n} af dem kan rettes med `trustlint check --fix` (`--diff` viser hvordan)";
    IS_A_NAMED_PIPE: "it is a named pipe, not a regular file" / "det er en navngiven pipe, ikke en almindelig fil";
    IS_A_SOCKET: "it is a socket, not a regular file" / "det er en socket, ikke en almindelig fil";
    IS_A_DEVICE: "it is a device, not a regular file" / "det er en enhed, ikke en almindelig fil";
    NOT_A_REGULAR_FILE: "it is not a regular file" / "det er ikke en almindelig fil";
    FILE_TOO_LARGE: "it is larger than the size limit, `--max-file-size {limit}`" / "den er større end størrelsesgrænsen, `--max-file-size {limit}`";
    LINK_OUTSIDE_FOLDER: "it is a symbolic link to a file outside the folder checked, and such links are not followed" / "det er et symbolsk link til en fil uden for den tjekkede mappe, og sådanne links følges ikke";
    SETTINGS_NOT_UTF8: "it is not UTF-8" / "den er ikke UTF-8";
    CONFIG_SKIPPED: "skipped `{path}`: it belongs to another user and its folder may be written by others (give it with `--config` to use it)" / "springer `{path}` over: den tilhører en anden bruger, og andre kan skrive i dens mappe (angiv den med `--config` for at bruge den)";
    // Output options of `check`.
    PRETTY_NEEDS_JSON: "`--pretty` applies to `--format json` only" / "`--pretty` gælder kun for `--format json`";
}
