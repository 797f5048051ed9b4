//! What a rule expression can read: the fields of a requirement, of its
//! list elements (purposes, data items, burden blocks, measures) and the
//! derived burden figures, each declared once with its name and type.

use crate::burden::{BlockFigures, CostModel, Estimate};
use crate::diagnostics::{messages as m, Text};
use crate::model::keywords::{values, Marker, Unit};
use crate::model::{
    Burden, DataItem, Dispensation, Frequency, Keyword, Measure, Purpose, Reporting, Requirement, Review,
};
use std::borrow::Cow;

/// A value during evaluation. A missing optional field is `Null`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Num(f64),
    Str(Cow<'a, str>),
    List(Vec<Value<'a>>),
}

/// The static type of a field or expression, checked when a ruleset loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Num,
    Str,
    /// A list of strings or numbers (`purpose.kinds`, `[a, b]`).
    List,
    /// A list of elements, for `any`, `all`, `count` and `each`.
    Elements(ListField),
    /// Only known when evaluated (a parameter looked up by a value).
    Any,
}

impl Ty {
    /// What a value of the type is called in an error.
    pub fn name(self) -> Text {
        match self {
            Ty::Bool => m::TYPE_BOOLEAN,
            Ty::Num => m::WHAT_NUMBER,
            Ty::Str => m::TYPE_TEXT,
            Ty::List => m::KIND_LIST,
            Ty::Elements(_) => m::TYPE_ELEMENTS,
            Ty::Any => m::PHRASE_VALUE,
        }
    }
}

/// The lists whose elements a condition can look into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListField {
    Purposes,
    Data,
    Burdens,
    Measures,
}

impl ListField {
    pub const ALL: [ListField; 4] = [
        ListField::Purposes,
        ListField::Data,
        ListField::Burdens,
        ListField::Measures,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ListField::Purposes => "purposes",
            ListField::Data => "data",
            ListField::Burdens => "burdens",
            ListField::Measures => "measures",
        }
    }

    pub fn lookup(name: &str) -> Option<ListField> {
        Self::ALL.into_iter().find(|list| list.name() == name)
    }
}

/// One element of a list, seen from inside `any`, `all` or `each`.
#[derive(Clone, Copy, Debug)]
pub enum Element<'a> {
    Purpose(&'a Purpose),
    Data(&'a DataItem),
    Burden(&'a Burden, Option<&'a BlockFigures>),
    Measure(&'a Measure),
}

/// What an expression is evaluated against.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub requirement: &'a Requirement,
    pub estimate: &'a Estimate,
    pub cost: &'a CostModel,
    pub element: Option<Element<'a>>,
    /// Values a built-in rule provides to its messages.
    pub vars: &'a [Value<'a>],
    /// The day of the check, for dates; unknown in a browser.
    pub today: Option<crate::model::Date>,
}

impl<'a> Context<'a> {
    pub fn elements(&self, list: ListField) -> Vec<Element<'a>> {
        let r = self.requirement;
        match list {
            ListField::Purposes => r.purposes.iter().map(Element::Purpose).collect(),
            ListField::Data => r.data.iter().map(Element::Data).collect(),
            ListField::Burdens => r
                .burdens
                .iter()
                .enumerate()
                .map(|(i, b)| Element::Burden(b, self.estimate.blocks.get(i).and_then(Option::as_ref)))
                .collect(),
            ListField::Measures => r.measures.iter().map(Element::Measure).collect(),
        }
    }

    pub fn with(&self, element: Element<'a>) -> Context<'a> {
        Context {
            element: Some(element),
            ..*self
        }
    }
}

macro_rules! fields {
    ($( $scope:ident $name:literal => $variant:ident : $ty:expr, $doc:literal; )*) => {
        /// A readable field.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Field { $( #[doc = $doc] $variant ),* }

        /// Every field: the scope it belongs to (`None` for the requirement),
        /// its name in expressions and its type.
        pub const FIELDS: &[(Option<ListField>, &str, Field, Ty)] = &[
            $( (scope!($scope), $name, Field::$variant, $ty) ),*
        ];
    };
}

macro_rules! scope {
    (requirement) => {
        None
    };
    (purposes) => {
        Some(ListField::Purposes)
    };
    (data) => {
        Some(ListField::Data)
    };
    (burdens) => {
        Some(ListField::Burdens)
    };
    (measures) => {
        Some(ListField::Measures)
    };
}

fields! {
    requirement "id" => Id: Ty::Str, "the requirement's id";
    requirement "title" => Title: Ty::Str, "the title";
    requirement "owner" => Owner: Ty::Str, "who proposes it";
    requirement "legal_basis" => LegalBasis: Ty::Str, "the law or decision it implements";
    requirement "investigation" => Investigation: Ty::Str, "how the problem was examined";
    requirement "goal" => Goal: Ty::Str, "what is to be achieved";
    requirement "method" => Method: Ty::Str, "the method it prescribes";
    requirement "decided_by" => DecidedBy: Ty::Str, "`central` or `local`: who decides how it is done";
    requirement "decided_by.reason" => DecidedByReason: Ty::Str, "why it is decided there";
    requirement "applies_to" => AppliesTo: Ty::Str, "`every_case`, `by_assessment` or `by_agreement`";
    requirement "applies_to.reason" => AppliesToReason: Ty::Str, "its text";
    requirement "heard" => Heard: Ty::Str, "how the people who carry the burden were heard";
    requirement "risk.level" => RiskLevel: Ty::Str, "`low`, `medium` or `high`";
    requirement "risk.reason" => RiskReason: Ty::Str, "why that level";
    requirement "trigger.kind" => TriggerKind: Ty::Str, "`single_case`, `press`, `pattern`, `legislation`, `analysis` or `other`";
    requirement "trigger.cases" => TriggerCases: Ty::Num, "cases behind the trigger (1 for `single_case` and `press` unless stated)";
    requirement "trigger.units" => TriggerUnits: Ty::Num, "units where they arose (1 for `single_case` and `press` unless stated)";
    requirement "trigger.description" => TriggerDescription: Ty::Str, "what happened";
    requirement "scope.all" => ScopeAll: Ty::Bool, "true when the scope says `all`";
    requirement "scope.units" => ScopeUnits: Ty::Num, "units the requirement applies to";
    requirement "scope.description" => ScopeDescription: Ty::Str, "which units";
    requirement "purpose.kinds" => PurposeKinds: Ty::List, "the kinds of every purpose";
    requirement "measure.kinds" => MeasureKinds: Ty::List, "the kinds of every measure";
    requirement "reporting.kind" => ReportingKind: Ty::Str, "`periodic`, `deviation` or `none`";
    requirement "reporting.frequency" => ReportingFrequency: Ty::Str, "the frequency of periodic reporting";
    requirement "reporting.per_year" => ReportingPerYear: Ty::Num, "reports a year, for periodic reporting";
    requirement "review.kind" => ReviewKind: Ty::Str, "`date`, `after` or `none`";
    requirement "review.years" => ReviewYears: Ty::Num, "N of `review: after N years`";
    requirement "review.date" => ReviewDate: Ty::Str, "the review date";
    requirement "review.years_ahead" => ReviewYearsAhead: Ty::Num, "years from today to the review (N of `after N years`; a date counted from `--today`)";
    requirement "sunset" => Sunset: Ty::Str, "the sunset date";
    requirement "sunset.years_ahead" => SunsetYearsAhead: Ty::Num, "years from today to the sunset";
    requirement "replaces" => Replaces: Ty::List, "ids of the requirements it replaces";
    requirement "dispensation.kind" => DispensationKind: Ty::Str, "`text` or `none`";
    requirement "hours_per_year" => HoursPerYear: Ty::Num, "estimated hours a year, all burden blocks";
    requirement "fte" => Fte: Ty::Num, "full-time equivalents";
    requirement "cost_dkk" => CostDkk: Ty::Num, "cost a year in DKK";
    requirement "frontline_hours_per_year" => FrontlineHours: Ty::Num, "hours a year taken from frontline work";
    requirement "frontline_fte" => FrontlineFte: Ty::Num, "the frontline hours in full-time equivalents";
    requirement "one_off_hours" => OneOffHours: Ty::Num, "hours of `once` blocks, first year only";
    requirement "calendar_max_per_year" => CalendarMaxPerYear: Ty::Num, "the most occurrences a year of a burden block on a calendar (daily to yearly, `N per_year`)";
    requirement "calendar_min_per_year" => CalendarMinPerYear: Ty::Num, "the fewest occurrences a year of a burden block on a calendar";
    requirement "purposes" => Purposes: Ty::Elements(ListField::Purposes), "the purposes";
    requirement "data" => Data: Ty::Elements(ListField::Data), "the data items";
    requirement "burdens" => Burdens: Ty::Elements(ListField::Burdens), "the burden blocks";
    requirement "measures" => Measures: Ty::Elements(ListField::Measures), "the measures";
    purposes "kind" => PurposeKind: Ty::Str, "the purpose's kind";
    purposes "description" => PurposeDescription: Ty::Str, "its description";
    data "name" => DataName: Ty::Str, "the data item";
    data "modes" => DataModes: Ty::List, "`manual`, `automatic`, `existing`, `about_staff`, `aggregated`";
    burdens "label" => BurdenLabel: Ty::Str, "who is burdened";
    burdens "people" => BurdenPeople: Ty::Num, "how many people";
    burdens "minutes" => BurdenMinutes: Ty::Num, "minutes each time";
    burdens "frequency" => BurdenFrequency: Ty::Str, "the frequency word (`per_year` for `N per_year`)";
    burdens "frontline" => BurdenFrontline: Ty::Bool, "time taken from work with citizens";
    burdens "cases_per_year" => BurdenCasesPerYear: Ty::Num, "cases a year, for `per_case` blocks";
    burdens "occurrences_per_year" => BurdenOccurrences: Ty::Num, "occurrences a year";
    burdens "hours_per_person_year" => BurdenHoursPerPerson: Ty::Num, "hours a year for each person";
    burdens "hours_per_year" => BurdenHoursPerYear: Ty::Num, "hours a year for the block";
    burdens "fte" => BurdenFte: Ty::Num, "the block's full-time equivalents";
    burdens "cost_dkk" => BurdenCost: Ty::Num, "the block's cost a year";
    measures "kind" => MeasureKind: Ty::Str, "`effect` or `process`";
    measures "description" => MeasureDescription: Ty::Str, "its description";
}

/// Whether `field` is a field of a list's element (a data item's name, a
/// burden block's hours), not of the requirement.
pub fn is_element_field(field: Field) -> bool {
    FIELDS.iter().any(|(scope, _, f, _)| *f == field && scope.is_some())
}

/// Looks a field up in `scope`, falling back to the requirement's fields.
pub fn lookup(scope: Option<ListField>, name: &str) -> Option<(Field, Ty)> {
    let find = |s: Option<ListField>| {
        FIELDS
            .iter()
            .find(|(field_scope, field_name, ..)| *field_scope == s && *field_name == name)
            .map(|(_, _, field, ty)| (*field, *ty))
    };
    scope.and_then(|s| find(Some(s))).or_else(|| find(None))
}

/// The names readable in `scope`, for suggestions.
pub fn names(scope: Option<ListField>) -> impl Iterator<Item = &'static str> {
    FIELDS
        .iter()
        .filter(move |(s, ..)| s.is_none() || *s == scope)
        .map(|(_, name, ..)| *name)
}

fn word<K: Keyword>(value: K) -> Value<'static> {
    Value::Str(Cow::Borrowed(value.spelling().en))
}

fn text(value: &str) -> Value<'_> {
    Value::Str(Cow::Borrowed(value))
}

fn opt<T, F: FnOnce(T) -> Value<'static>>(value: Option<T>, f: F) -> Value<'static> {
    value.map_or(Value::Null, f)
}

fn frequency_word(frequency: Frequency) -> Value<'static> {
    match frequency {
        Frequency::Named(w) => word(w),
        Frequency::PerYear(_) => word(Unit::PerYear),
    }
}

/// Reads a field in a context.
pub fn read<'a>(field: Field, cx: &Context<'a>) -> Value<'a> {
    let r = cx.requirement;
    let e = cx.estimate;
    let s = |v: &'a Option<crate::model::Spanned<String>>| v.as_ref().map_or(Value::Null, |v| text(&v.value));
    use Field::*;
    match field {
        Id => s(&r.id),
        Title => text(&r.title.value),
        Owner => s(&r.owner),
        LegalBasis => s(&r.legal_basis),
        Investigation => s(&r.investigation),
        Goal => s(&r.goal),
        Method => s(&r.method),
        Heard => s(&r.heard),
        DecidedBy => opt(r.decided_by.as_ref(), |d| word(d.kind.value)),
        DecidedByReason => r
            .decided_by
            .as_ref()
            .and_then(|d| d.description.as_ref())
            .map_or(Value::Null, |v| text(&v.value)),
        AppliesTo => opt(r.applies_to.as_ref(), |a| word(a.kind.value)),
        AppliesToReason => r
            .applies_to
            .as_ref()
            .and_then(|a| a.description.as_ref())
            .map_or(Value::Null, |v| text(&v.value)),
        RiskLevel => opt(r.risk.as_ref(), |risk| word(risk.kind.value)),
        RiskReason => r
            .risk
            .as_ref()
            .and_then(|risk| risk.description.as_ref())
            .map_or(Value::Null, |v| text(&v.value)),
        TriggerKind => opt(r.trigger.as_ref(), |t| word(t.kind.value)),
        TriggerCases => opt(r.trigger.as_ref().and_then(|t| t.cases()), |n| Value::Num(n as f64)),
        TriggerUnits => opt(r.trigger.as_ref().and_then(|t| t.units()), |n| Value::Num(n as f64)),
        TriggerDescription => r
            .trigger
            .as_ref()
            .and_then(|t| t.description.as_ref())
            .map_or(Value::Null, |v| text(&v.value)),
        ScopeAll => opt(r.scope.as_ref(), |scope| Value::Bool(scope.all.is_some())),
        ScopeUnits => opt(r.scope.as_ref(), |scope| Value::Num(scope.units.value as f64)),
        ScopeDescription => r
            .scope
            .as_ref()
            .and_then(|scope| scope.description.as_ref())
            .map_or(Value::Null, |v| text(&v.value)),
        PurposeKinds => Value::List(r.purposes.iter().map(|p| word(p.kind.value)).collect()),
        MeasureKinds => Value::List(r.measures.iter().map(|m| word(m.kind.value)).collect()),
        ReportingKind => opt(r.reporting.as_ref(), |rep| {
            word(match rep.value {
                Reporting::Periodic(_) => Marker::Periodic,
                Reporting::Deviation => Marker::Deviation,
                Reporting::None => Marker::None,
            })
        }),
        ReportingFrequency => match r.reporting.as_ref().map(|rep| rep.value) {
            Some(Reporting::Periodic(frequency)) => frequency_word(frequency),
            _ => Value::Null,
        },
        ReportingPerYear => match r.reporting.as_ref().map(|rep| rep.value) {
            Some(Reporting::Periodic(frequency)) => opt(cx.cost.per_year(frequency, None), Value::Num),
            _ => Value::Null,
        },
        ReviewKind => opt(r.review.as_ref(), |review| match review.value {
            Review::Date(_) => Value::Str(Cow::Borrowed(values::DATE)),
            Review::AfterYears(_) => word(Marker::After),
            Review::None => word(Marker::None),
        }),
        ReviewYears => match r.review.as_ref().map(|review| review.value) {
            Some(Review::AfterYears(n)) => Value::Num(n),
            _ => Value::Null,
        },
        ReviewDate => match r.review.as_ref().map(|review| review.value) {
            Some(Review::Date(date)) => Value::Str(Cow::Owned(date.to_string())),
            _ => Value::Null,
        },
        Sunset => opt(r.sunset.as_ref(), |date| Value::Str(Cow::Owned(date.value.to_string()))),
        ReviewYearsAhead => match r.review.as_ref().map(|review| review.value) {
            Some(Review::AfterYears(n)) => Value::Num(n),
            Some(Review::Date(date)) => opt(cx.today, |today| Value::Num(date.years_after(today))),
            _ => Value::Null,
        },
        SunsetYearsAhead => match (r.sunset.as_ref(), cx.today) {
            (Some(sunset), Some(today)) => Value::Num(sunset.value.years_after(today)),
            _ => Value::Null,
        },
        Replaces => Value::List(r.replaces.iter().map(|id| text(&id.value)).collect()),
        DispensationKind => opt(r.dispensation.as_ref(), |d| match d.value {
            Dispensation::Text(_) => Value::Str(Cow::Borrowed(values::TEXT)),
            Dispensation::None => word(Marker::None),
        }),
        HoursPerYear => Value::Num(e.hours_per_year),
        Fte => Value::Num(e.fte),
        CostDkk => Value::Num(e.cost_dkk),
        FrontlineHours => Value::Num(e.frontline_hours_per_year),
        FrontlineFte => Value::Num(e.frontline_fte),
        OneOffHours => Value::Num(e.one_off_hours),
        CalendarMaxPerYear => calendar(cx, f64::max),
        CalendarMinPerYear => calendar(cx, f64::min),
        // Element lists are iterated by `any`, `all`, `count` and `each`, never read as values.
        Purposes | Data | Burdens | Measures => Value::Null,
        _ => read_element(field, cx.element),
    }
}

/// The occurrences a year of the burden blocks on a calendar (not per
/// case, on change or once), folded by `pick`; missing when there is none.
/// Read once per requirement, so a rule over `data` can ask it without
/// going over the burdens for every item.
fn calendar(cx: &Context<'_>, pick: fn(f64, f64) -> f64) -> Value<'static> {
    cx.requirement
        .burdens
        .iter()
        .filter_map(|b| b.frequency.as_ref().map(|f| f.value))
        .filter(|f| match f {
            Frequency::Named(word) => !word.counts_cases() && *word != crate::model::FrequencyWord::Once,
            Frequency::PerYear(_) => true,
        })
        .filter_map(|f| cx.cost.per_year(f, None))
        .reduce(pick)
        .map_or(Value::Null, Value::Num)
}

fn read_element<'a>(field: Field, element: Option<Element<'a>>) -> Value<'a> {
    use Field::*;
    match (field, element) {
        (PurposeKind, Some(Element::Purpose(p))) => word(p.kind.value),
        (PurposeDescription, Some(Element::Purpose(p))) => {
            p.description.as_ref().map_or(Value::Null, |d| text(&d.value))
        }
        (DataName, Some(Element::Data(d))) => text(&d.name.value),
        (DataModes, Some(Element::Data(d))) => Value::List(d.modes.iter().map(|m| word(m.value)).collect()),
        (MeasureKind, Some(Element::Measure(m))) => word(m.kind.value),
        (MeasureDescription, Some(Element::Measure(m))) => {
            m.description.as_ref().map_or(Value::Null, |d| text(&d.value))
        }
        (BurdenLabel, Some(Element::Burden(b, _))) => text(&b.label.value),
        (BurdenPeople, Some(Element::Burden(b, _))) => opt(b.people.as_ref(), |n| Value::Num(n.value)),
        (BurdenMinutes, Some(Element::Burden(b, _))) => opt(b.minutes.as_ref(), |n| Value::Num(n.value)),
        (BurdenFrequency, Some(Element::Burden(b, _))) => opt(b.frequency.as_ref(), |f| frequency_word(f.value)),
        (BurdenFrontline, Some(Element::Burden(b, _))) => Value::Bool(b.frontline.as_ref().is_some_and(|f| f.value)),
        (BurdenCasesPerYear, Some(Element::Burden(b, _))) => opt(b.cases_per_year.as_ref(), |n| Value::Num(n.value)),
        (_, Some(Element::Burden(_, figures))) => {
            let Some(f) = figures else { return Value::Null };
            Value::Num(match field {
                BurdenOccurrences => f.occurrences_per_year,
                BurdenHoursPerPerson => f.hours_per_person_year,
                BurdenHoursPerYear => f.hours_per_year,
                BurdenFte => f.fte,
                BurdenCost => f.cost_dkk,
                _ => return Value::Null,
            })
        }
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Lang;
    use crate::model::{template, BurdenKey, Key, KeyTable};

    /// Every key of `K` is read by a rule field of `scope`, written in
    /// `init`'s template in both languages and named in the language
    /// reference: a key added to the key table and forgotten in one of
    /// these fails here.
    fn every_key_is_declared_everywhere<K: KeyTable>(scope: Option<ListField>, reference: Option<&str>) {
        let templates = [template::template(Lang::En), template::template(Lang::Da)];
        for key in K::VALUES.iter().copied() {
            let spelling = key.spelling();
            let fields = key.facts().fields;
            assert!(!fields.is_empty(), "no rule field reads `{}`", spelling.en);
            for name in fields {
                assert!(
                    FIELDS.iter().any(|(s, n, ..)| *s == scope && n == name),
                    "`{}` names rule field `{name}`, which fields.rs does not declare",
                    spelling.en
                );
            }
            for (template, lang) in templates.iter().zip([Lang::En, Lang::Da]) {
                let name = key.name(lang);
                let written = template.lines().any(|line| {
                    let line = line.trim_start();
                    let line = line.strip_prefix("# ").unwrap_or(line);
                    line.starts_with(&format!("{name}:")) || line.starts_with(&format!("{name} \""))
                });
                assert!(written, "`init`'s template ({lang:?}) does not show `{name}`");
            }
            if let Some(reference) = reference {
                for name in [spelling.en, spelling.da] {
                    assert!(
                        reference.contains(&format!("`{name}`")),
                        "docs/language.md does not name `{name}`"
                    );
                }
            }
        }
    }

    #[test]
    fn every_key_has_rule_fields_a_template_line_and_a_reference_entry() {
        // The reference is written apart from the code; until it exists
        // only the fields and the template are checked.
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/language.md");
        let reference = std::fs::read_to_string(path).ok();
        every_key_is_declared_everywhere::<Key>(None, reference.as_deref());
        every_key_is_declared_everywhere::<BurdenKey>(Some(ListField::Burdens), reference.as_deref());
    }

    #[test]
    fn every_field_name_is_unique_in_its_scope() {
        for (i, (scope, name, ..)) in FIELDS.iter().enumerate() {
            assert!(
                !FIELDS[..i].iter().any(|(s, n, ..)| s == scope && n == name),
                "`{name}` is declared twice"
            );
        }
    }
}
