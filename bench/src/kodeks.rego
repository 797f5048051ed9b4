# The per-requirement rules of rulesets/kodeks-for-tillid.toml (TL101-TL209)
# in Rego, over the JSON the benchmark makes of each requirement and its
# burden estimate: what a team would write for a policy engine.
package kodeks

import rego.v1

params := {
	"review_max_years": 4,
	"replace_above_fte": 1.0,
	"hours": {"low": 4, "medium": 20, "high": 80},
	"frontline_note_fte": 0.5,
	"reporting_max_per_year": 4,
}

findings contains "TL101" if {
	input.trigger.kind in {"single_case", "press"}
	input.scope.units > input.trigger.units
}

findings contains "TL102" if {
	input.trigger.kind in {"single_case", "press"}
	not input.investigation
}

findings contains "TL103" if {
	input.method
	not input.goal
}

findings contains "TL104" if {
	not input.review
	not input.sunset
}

findings contains "TL104" if input.review.kind == "none"

findings contains "TL104" if input.review.years > params.review_max_years

findings contains "TL105" if {
	count(input.replaces) == 0
	input.fte >= params.replace_above_fte
}

findings contains "TL201" if count(input.measures) == 0

findings contains "TL201" if {
	count(input.measures) > 0
	every m in input.measures {
		m.kind == "process"
	}
}

findings contains "TL202" if {
	input.scope.all
	not input.dispensation
}

findings contains "TL203" if {
	some b in input.burdens
	b.hours_per_person_year > params.hours[input.risk.level]
}

safe_purpose if {
	some p in input.purposes
	p.kind in {"safety", "learning", "trust", "legal"}
}

findings contains "TL204" if {
	count(input.purposes) > 0
	not safe_purpose
}

findings contains "TL205" if {
	some p in input.purposes
	p.kind == "legal"
	not input.legal_basis
}

findings contains "TL206" if input.frontline_fte >= params.frontline_note_fte

findings contains "TL207" if {
	some d in input.data
	"manual" in d.modes
	"existing" in d.modes
}

# Close follow-up where it went wrong: the scope no wider than the units
# the trigger arose at.
follow_up_where_it_went_wrong if {
	input.trigger.units != null
	input.scope.units <= input.trigger.units
}

findings contains "TL208" if {
	input.reporting.kind == "periodic"
	input.reporting.per_year > params.reporting_max_per_year
	not follow_up_where_it_went_wrong
}

findings contains "TL209" if {
	some d in input.data
	"about_staff" in d.modes
}
