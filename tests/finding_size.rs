//! What a finding keeps in memory: the bytes a checked set of findings
//! holds (the struct and everything it owns on the heap), measured with a
//! counting allocator over the default ruleset's usual findings. Texts the
//! message table or the ruleset already hold, the rule's facts and quotes,
//! and the requirement's id are shared, not copied into each finding; a
//! text with values is kept as its template and its values (in place in
//! the 32-byte message when they fit) and filled in when written. So what
//! one keeps stays small and independent of the input: 296 bytes a
//! finding here (420 when filled-in texts were kept written out), of
//! which 232 are the `Diagnostic` itself.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use trustlint::check::{self, Options};
use trustlint::engine::ruleset;
use trustlint::source::{FileId, SourceFile, SourceMap};

/// Counts the bytes allocated and not yet freed.
struct Counting;

static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's layout, as GlobalAlloc requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Requirements with the findings real proposals have: a control purpose,
/// a single case as the trigger, data typed in by hand, missing keys, a
/// misspelt key, in English and Danish.
fn corpus(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&match i % 3 {
            0 => format!(
                "requirement \"Proposed requirement {i}\" {{\n  id: GEN-{i:06}\n  owner: \"Socialudvalget\"\n  purpose: control \"Residents are safe\"\n  risk: low \"Little\"\n  trigger: single_case \"One case in the press\"\n  scope: all 12 units \"the units\"\n  data: \"time of visit {i}\" manual about_staff\n  burden \"staff group {i}\" {{\n    people: 40\n    minutes: 10\n    frequency: daily\n    frontline: yes\n  }}\n  measure: process \"forms filled in\"\n  reporting: none\n}}\n\n"
            ),
            1 => format!(
                "krav \"Foreslået krav {i}\" {{\n  id: GEN-{i:06}\n  formål: kontrol \"Borgerne er trygge\"\n  risiko: lav \"Lidt\"\n  anledning: enkeltsag \"Én sag i pressen\"\n  omfang: alle 12 enheder \"enhederne\"\n  data: \"besøgstidspunkt {i}\" manuel\n  byrde \"personale {i}\" {{\n    personer: 40\n    minutter: 10\n    hyppighed: dagligt\n    borgernær: ja\n  }}\n  måling: proces \"skemaer udfyldt\"\n}}\n\n"
            ),
            _ => format!("requirement \"Proposed requirement {i}\" {{\n  id: GEN-{i:06}\n  purpos: safety \"x\"\n  risk: hgh \"x\"\n}}\n\n"),
        });
    }
    text
}

#[test]
fn a_finding_keeps_a_few_hundred_bytes() {
    let ruleset = ruleset::load(FileId(0), ruleset::DEFAULT_TEXT).expect("the default ruleset");
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new("p.krav".to_owned(), corpus(2_000)));
    let options = Options {
        lang: trustlint::diagnostics::Lang::En,
        ..Options::default()
    };
    let mut checked = check::check(&sources, &[None], &ruleset, &options);
    let mut findings = std::mem::take(&mut checked.diagnostics);
    findings.shrink_to_fit();
    let count = findings.len();
    assert!(count > 10_000, "the corpus has the usual findings: {count}");
    let before = LIVE.load(Ordering::SeqCst);
    drop(findings);
    let kept = before - LIVE.load(Ordering::SeqCst);
    let per_finding = kept as f64 / count as f64;
    println!("{count} findings keep {kept} bytes: {per_finding:.0} bytes a finding");
    assert!(per_finding < 330.0, "{per_finding:.0} bytes a finding");
}
