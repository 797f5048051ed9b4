//! `trustlint report` (the committee's HTML document) and `audit --format
//! html`, through the binary. The same documents in a real browser:
//! `web/tests/report.test.mjs` (run by `web/test.sh`).

use crate::common::{scratch, trustlint, trustlint_stdin, Run};
use crate::snapshot;

const DAILY: &str = "examples/abolished/daily-face-to-face.krav";
/// A proposal with only a note against it.
const CLEAN: &str = "examples/kept/individual-supervision-agreements.krav";

fn report(args: &[&str], status: i32) -> String {
    let run = trustlint(args);
    assert_eq!(run.status, status, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    run.stdout
}

/// What a self-contained document must not have: script, and anything
/// fetched from elsewhere.
fn assert_self_contained(html: &str) {
    for forbidden in [
        "<script",
        "<link",
        "<img",
        "<iframe",
        "<object",
        "@import",
        "url(",
        "src=",
        "http://",
        "https://",
        "@font-face",
    ] {
        assert!(!html.contains(forbidden), "`{forbidden}` in the report");
    }
    // No event handler attribute (` onload=`).
    for (at, _) in html.match_indices(" on") {
        let name: String = html[at + 3..].chars().take_while(char::is_ascii_alphabetic).collect();
        assert!(
            !html[at + 3 + name.len()..].starts_with('='),
            "an event handler in the report"
        );
    }
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn the_examples_in_danish_with_summary_checklist_findings_and_charts() {
    // Eight of the proposals have errors: written, and exit 1 as `check`.
    let html = report(&["report", "--lang", "da", "examples/"], 1);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"));
    assert_self_contained(&html);
    assert!(html.contains("<title>Forslag til krav vurderet efter Kodeks for tillid</title>"));
    assert!(html.contains("<h2>Sammenfatning</h2>"));
    assert!(html.contains("<p>17 forslag: 8 lever ikke op til kodekset, 2 med bemærkninger, 7 uden bemærkninger.</p>"));
    // The summary comes first, then one section and one checklist a proposal.
    assert!(html.find("<h2>Sammenfatning</h2>") < html.find("<section class=\"proposal\""));
    assert_eq!(html.matches("<section class=\"proposal\"").count(), 17);
    assert_eq!(html.matches("<table class=\"checklist\">").count(), 17);
    assert!(html.contains("<td class=\"status not-met\">ikke opfyldt</td>"));
    assert!(html.contains("<td class=\"status met\">opfyldt</td>"));
    // The quote of the single-case principle, word for word, with its source.
    assert!(html.contains(
        "Kodeks for tillid (Københavns Kommune, 2013), 1.3 &quot;Politikerne løser enkeltsager lokalt&quot;"
    ));
    assert!(html.contains("»Med andre ord gøres enkeltsager ikke til generelle styringsregimer.«"));
    assert!(html.contains("kontrolleres af: TL101"));
    // Findings in plain Danish with what to change; backticked words as code.
    assert!(html.contains("<strong>Det skal ændres:</strong>"));
    assert!(html.contains("<code>"));
    assert!(!html.contains('`'), "a backtick left in the text");
    // A chart per burdened group of every estimated proposal.
    assert!(html.matches("<svg ").count() >= 17, "charts");
    assert!(html.contains("taget fra arbejdet med borgerne"));
    assert!(html.contains("årsværk"));
    assert!(html.contains("udgift om året, kr."));
    // A4, printed: page size, and rows and charts never split.
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("tr { break-inside: avoid; }"));
    assert!(html.contains("thead { display: table-header-group; }"));
}

#[test]
fn one_proposal_in_english_has_no_summary_page() {
    let html = report(&["report", "--lang", "en", DAILY], 1);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(!html.contains("<h2>Summary</h2>"), "one proposal: no summary page");
    assert!(html.contains("<h2>Daily face-to-face contact in supported housing</h2>"));
    assert!(html.contains("<span class=\"verdict error\">does not meet the kodeks</span>"));
    assert!(html.contains("a single case is generalised to 42 units"));
    assert!(html.contains("<strong>What to change:</strong>"));
    assert!(html.contains("aria-label=\"housing staff\""));
    assert!(html.contains("taken from work with citizens<strong>100 %</strong>"));
    // The kodeks speaks Danish: its words are quoted as written, and marked so.
    assert!(html.contains(
        "<blockquote lang=\"da\">»Med andre ord gøres enkeltsager ikke til generelle styringsregimer.«</blockquote>"
    ));
}

#[test]
fn the_language_follows_the_files_when_none_is_set() {
    // A Danish file and no --lang, config or locale: the report is Danish,
    // as `check` answers it.
    let html = report(&["report", "examples/kept/afvigelsesrapportering.da.krav"], 0);
    assert!(html.contains("<html lang=\"da\">"));
    assert!(html.contains("<span class=\"verdict met\">lever op til kodekset</span>"));
    let english = report(&["report", CLEAN], 0);
    assert!(english.contains("<html lang=\"en\">"));
    assert!(english.contains("0 errors, 0 warnings, 1 note"));
}

#[test]
fn with_a_register_each_group_shows_its_load_before_and_after() {
    let run = trustlint(&["report", "--lang", "en", "--register", "examples/register", DAILY]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let html = &run.stdout;
    assert!(html.contains("<table class=\"loads\">"));
    assert!(html.contains("<tr><td>housing staff</td><td class=\"num\">33,000</td><td class=\"num\">0</td><td class=\"num\">+27,375</td><td class=\"num\">60,375</td><td class=\"num\">36.7</td><td class=\"num\">67.1</td></tr>"), "{html}");
    assert!(html.contains(">in force now</text>"));
    assert!(html.contains(">with the proposal</text>"));
    assert!(html.contains("limit 60 h"));
    // TL301 sees the register's load on the group.
    assert!(html.contains("2 requirements together take 67.1 hours per person a year from <code>housing staff</code>"));
    // The register's own findings are not the proposal's.
    assert!(!html.contains("REG-SOF-VAGTLOG</h2>"));
    snapshot!(
        "daily-with-register",
        "report --lang en --register examples/register examples/abolished/daily-face-to-face.krav",
        &run
    );

    // Alone, the same proposal has no before and after.
    let alone = report(&["report", "--lang", "en", DAILY], 1);
    assert!(!alone.contains("<table class=\"loads\">"));
    assert!(!alone.contains("in force now"));
}

#[test]
fn what_a_proposal_replaces_leaves_the_group_as_burden_says() {
    let dir = scratch("report-replaces");
    let proposal = dir.join("replacing.krav");
    let text = std::fs::read_to_string(DAILY).expect("example");
    let text = text.replacen(
        "  id: SOF-2014-03\n",
        "  id: SOF-2014-03\n  replaces: REG-SOF-VAGTLOG\n",
        1,
    );
    assert!(text.contains("replaces: REG-SOF-VAGTLOG"));
    std::fs::write(&proposal, text).expect("written");
    let path = proposal.to_string_lossy().into_owned();
    let html = report(&["report", "--lang", "en", "--register", "examples/register", &path], 1);
    // The figures `burden --register` gives for the same proposal.
    let burden = trustlint(&["burden", "--lang", "en", "--register", "examples/register", &path]);
    assert!(
        burden
            .stdout
            .contains("housing staff  33,000  -33,000  +27,375  27,375                36.7               30.4"),
        "{}",
        burden.stdout
    );
    assert!(html.contains("<tr><td>housing staff</td><td class=\"num\">33,000</td><td class=\"num\">−33,000</td><td class=\"num\">+27,375</td><td class=\"num\">27,375</td><td class=\"num\">36.7</td><td class=\"num\">30.4</td></tr>"), "{html}");
    assert!(html.contains("<title>with the proposal: 30.4</title>"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn what_an_author_writes_is_text_never_markup() {
    let proposal = "requirement \"<script>alert('x')</script> & <b>bold</b>\" {\n  id: X-1\n  owner: \"\\\"><img src=x onerror=alert(1)>\"\n  purpose: safety \"y\"\n  risk: low \"z\"\n  scope: 1 units \"one\"\n  burden \"<i>staff</i> `</code><svg onload=alert(2)>`\" {\n    people: 2\n    minutes: 1\n    frequency: yearly\n  }\n  review: 2027-01-01\n}\n";
    let run = trustlint_stdin(&["report", "--lang", "en", "-"], proposal.as_bytes());
    assert!(run.status <= 1, "{}", run.stderr);
    let html = run.stdout;
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<i>staff"), "{html}");
    assert!(!html.contains("<svg onload"), "{html}");
    assert!(!html.contains("</code><svg"), "{html}");
    assert!(
        html.contains(
            "<h2>&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt; &amp; &lt;b&gt;bold&lt;&#x2f;b&gt;</h2>"
        ),
        "{html}"
    );
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "{html}");
}

#[test]
fn a_file_with_no_proposal_is_listed_with_its_findings() {
    let dir = scratch("report-unjudged");
    let broken = dir.join("broken.krav");
    std::fs::write(&broken, "requirement \"x\" {\n  broken\n").expect("written");
    let run = trustlint(&["report", "--lang", "en", CLEAN, &broken.to_string_lossy()]);
    assert_eq!(run.status, 1, "{}", run.stderr);
    let html = &run.stdout;
    // Two files, so a summary page; the broken one at the end.
    assert!(html.contains("<h2>Summary</h2>"));
    assert!(html.contains("1 file could not be judged: see the end of the report."));
    assert!(html.contains("<h2>Files that could not be judged</h2>"));
    assert!(html.contains("TL001"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_proposal_with_errors_in_its_form_says_so_instead_of_a_checklist() {
    let run = trustlint_stdin(&["report", "--lang", "da", "-"], b"krav \"x\" {\n  id: A-1\n}\n");
    assert_eq!(run.status, 1, "{}", run.stderr);
    let html = &run.stdout;
    assert!(!html.contains("<table class=\"checklist\">"));
    assert!(html.contains("<p>Forslaget har fejl i sin form (se fundene), så reglerne blev ikke anvendt på det.</p>"));
    assert!(html.contains("TL004"));
    assert!(html.contains("Ikke beregnet:"));
}

#[test]
fn exit_status_zero_without_errors_one_with_two_when_it_cannot_work() {
    assert_eq!(trustlint(&["report", CLEAN]).status, 0);
    assert_eq!(trustlint(&["report", DAILY]).status, 1);
    let missing = trustlint(&["report", "no/such/file.krav"]);
    assert_eq!(missing.status, 2);
    assert_eq!(missing.stdout, "");
    let config = trustlint(&["report", "--lang", "xx", CLEAN]);
    assert_eq!(config.status, 2);
    let register = trustlint(&["report", "--register", "no/such/register", CLEAN]);
    assert_eq!(register.status, 2, "{}", register.stderr);
}

#[test]
fn written_to_a_file_at_once() {
    let dir = scratch("report-file");
    let file = dir.join("rapport.html");
    let path = file.to_string_lossy().into_owned();
    // An earlier report, also reachable by a second name: a new file takes
    // its place whole (rename), the old one is never written into.
    std::fs::write(&file, "old report").expect("written");
    let earlier = dir.join("earlier.html");
    std::fs::hard_link(&file, &earlier).expect("linked");
    let run = trustlint(&["report", "--lang", "da", "examples/kept", "-o", &path]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let html = std::fs::read_to_string(&file).expect("written");
    assert_eq!(html, report(&["report", "--lang", "da", "examples/kept"], 0));
    assert_eq!(std::fs::read_to_string(&earlier).expect("kept"), "old report");
    // No temporary file left beside it.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("listed")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["earlier.html", "rapport.html"]);

    // A folder that does not exist: exit 2, nothing written anywhere.
    let nowhere = dir.join("missing").join("rapport.html");
    let run = trustlint(&["report", CLEAN, "-o", &nowhere.to_string_lossy()]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    assert!(!dir.join("missing").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_audit_as_an_html_page() {
    let args = [
        "audit",
        "--lang",
        "en",
        "--today",
        "2026-12-05",
        "--format",
        "html",
        "examples/register",
    ];
    let run: Run = trustlint(&args);
    // A sunset has passed: exit 1, as the table says it.
    assert_eq!(run.status, 1, "{}", run.stderr);
    let html = &run.stdout;
    assert_self_contained(html);
    assert!(html.contains("<title>The register of requirements in force, reviewed on 2026-12-05</title>"));
    assert!(html.contains("<h2>Abolition candidates, by the hours a year their abolition would free</h2>"));
    assert!(html.contains("<figure class=\"chart\">"));
    snapshot!(
        "audit-html",
        "audit --lang en --today 2026-12-05 --format html examples/register",
        &run
    );
    let danish = trustlint(&[
        "audit",
        "--lang",
        "da",
        "--today",
        "2026-12-05",
        "--format",
        "html",
        "examples/register",
    ]);
    assert!(danish.stdout.contains("<html lang=\"da\">"));
    assert!(danish
        .stdout
        .contains("<h2>Kandidater til afskaffelse efter de timer om året, en afskaffelse frigør</h2>"));
    assert!(danish.stdout.contains("4 gældende krav: 3 med overskredet revisionsdato eller udløb, 0 grupper over grænsen, 3 kandidater til afskaffelse."));
}
