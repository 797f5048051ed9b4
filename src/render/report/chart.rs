//! The bar charts of hours per person a year, as SVG geometry the
//! templates draw: the report's per group, the audit's per group.

use crate::diagnostics::{format_number, messages as m, Lang};
use serde::Serialize;

#[derive(Serialize)]
pub(crate) struct Chart {
    label: String,
    caption: String,
    height: u32,
    bars: Vec<Bar>,
    limit_x: Option<f64>,
    limit_text_x: f64,
    limit_label: String,
}

#[derive(Serialize)]
struct Bar {
    label: String,
    /// The label as drawn, shortened to fit.
    short: String,
    y: u32,
    width: f64,
    text_x: f64,
    value: String,
    color: &'static str,
}

/// A bar chart of hours per person a year (one bar a value), scaled to fit
/// 600 units with room for labels and values, with the limit as a line.
pub(crate) fn chart(
    label: &str,
    caption: String,
    values: &[(String, f64, &'static str)],
    limit: Option<f64>,
    lang: Lang,
) -> Chart {
    const LEFT: f64 = 170.0;
    const WIDTH: f64 = 350.0;
    // What fits left of the bars at the chart's type size; the whole
    // label is the bar's tooltip.
    const LABEL_CHARS: usize = 26;
    let largest = values.iter().map(|(_, v, _)| *v).chain(limit).fold(0.0_f64, f64::max);
    let scale = if largest > 0.0 { WIDTH / largest } else { 0.0 };
    let bars: Vec<Bar> = values
        .iter()
        .enumerate()
        .map(|(i, (label, value, color))| {
            let width = tenths((value * scale).clamp(0.0, WIDTH));
            let short = if label.chars().count() > LABEL_CHARS {
                let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                label.clone()
            };
            Bar {
                label: label.clone(),
                short,
                y: 4 + 24 * i as u32,
                width,
                text_x: LEFT + width + 4.0,
                value: format_number(*value, lang),
                color,
            }
        })
        .collect();
    let height = 4 + 24 * bars.len() as u32 + 16;
    let limit_x = limit.filter(|l| *l > 0.0).map(|l| tenths(LEFT + l * scale));
    Chart {
        label: label.to_owned(),
        caption,
        height,
        bars,
        limit_x,
        limit_text_x: limit_x.unwrap_or(0.0).clamp(40.0, 560.0),
        limit_label: limit.map_or_else(String::new, |l| {
            m::REPORT_LIMIT.fill(lang, &[("limit", &format_number(l, lang))])
        }),
    }
}

/// A coordinate to a tenth of a unit: finer than any printer draws.
fn tenths(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
