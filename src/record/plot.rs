//! Drawings for the record: a figure of the map with numbered points and pain drawings in
//! styles that differ without colour (hatched, dotted), the trend of a patient's visits as
//! small line plots, and two visits compared. All of it is SVG text drawn here (no charting
//! library).

use super::{day, esc, muscle_name, Figure, Input};
use crate::anatomy::model::View;
use crate::clinic::chart::PainDab;
use crate::clinic::progress::{self, TrendPoint};
use crate::clinic::visit::Visit;
use crate::num::short;

/// A pain drawing on a figure, and how it is drawn.
pub enum Layer<'a> {
    /// Diagonal hatching (the therapist's drawing; "now" in a comparison).
    Hatched(&'a [PainDab]),
    /// Dots (the patient's own drawing; "then" in a comparison).
    Dotted(&'a [PainDab]),
}

const DEFS: &str = "<defs><pattern id=\"rp-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\" fill-opacity=\"0.35\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#222\" stroke-width=\"2.2\"/></pattern><pattern id=\"rp-dots\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\"><circle cx=\"3.5\" cy=\"3.5\" r=\"1.7\" fill=\"#222\"/></pattern></defs>";

/// One figure with drawings and numbered marks `(number, x, y, filled)`; a hollow mark is a
/// point carried from an earlier visit and not examined in this one.
pub fn figure_svg(f: &Figure, layers: &[Layer], marks: &[(usize, f32, f32, bool)]) -> String {
    format!(
        "<figure class=\"rp-fig\" data-view=\"{}\"><svg viewBox=\"{}\" role=\"img\" aria-label=\"{} of the body\">{}</svg><figcaption>{}</figcaption></figure>",
        f.view.id(),
        esc(&f.view_box),
        f.view.label(),
        figure_inner(f, layers, marks),
        f.view.label()
    )
}

/// What a figure's SVG holds: patterns, the body, the drawings and the marks.
fn figure_inner(f: &Figure, layers: &[Layer], marks: &[(usize, f32, f32, bool)]) -> String {
    let mut h = format!("{DEFS}<g class=\"rp-body\">{}</g>", f.body);
    for layer in layers {
        let (class, fill, dabs) = match layer {
            Layer::Hatched(d) => ("rp-hatch", "url(#rp-hatch)", d),
            Layer::Dotted(d) => ("rp-dots", "url(#rp-dots)", d),
        };
        h.push_str(&format!("<g class=\"{class}\" fill=\"{fill}\">"));
        for d in dabs.iter().filter(|d| d.view == f.view) {
            h.push_str(&format!(
                "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
                short(d.x),
                short(d.y),
                short(d.r)
            ));
        }
        h.push_str("</g>");
    }
    h.push_str("<g class=\"rp-marks\">");
    for (n, x, y, filled) in marks {
        h.push_str(&format!(
            "<g transform=\"translate({} {})\"{}><circle r=\"13\"/><text dy=\"6\">{n}</text></g>",
            short(*x),
            short(*y),
            if *filled { "" } else { " class=\"hollow\"" }
        ));
    }
    h.push_str("</g>");
    h
}

/// The exported image's size in pixels: both figures side by side.
pub const PNG_SIZE: (u32, u32) = (1600, 1200);

const PNG_STYLE: &str = ".rp-body *{fill:#fff;stroke:#8c8c8c;stroke-width:1px;vector-effect:non-scaling-stroke}.rp-body text,.rp-body .landmark{display:none}.rp-marks circle{fill:#000;stroke:#fff;stroke-width:2px}.rp-marks .hollow circle{fill:#fff;stroke:#000;stroke-width:3px}.rp-marks text{fill:#fff;font:700 18px sans-serif;text-anchor:middle}.rp-marks .hollow text{fill:#000}.label{font:700 30px sans-serif;text-anchor:middle;fill:#000}";

/// The marks of a visit's points on one figure, numbered in the visit's order.
pub fn visit_marks(v: &Visit, view: View) -> Vec<(usize, f32, f32, bool)> {
    v.points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.at.view == view)
        .map(|(i, p)| {
            (
                i + 1,
                p.at.x,
                p.at.y,
                p.findings != crate::clinic::findings::Findings::default(),
            )
        })
        .collect()
}

/// A standalone SVG document of both figures with a visit's points and drawings, styles
/// inlined, to be drawn on a canvas at `PNG_SIZE` and saved as PNG.
pub fn figures_png_svg(figures: &[Figure], v: &Visit) -> String {
    let (w, h) = PNG_SIZE;
    let col = w / figures.len().max(1) as u32;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"><style>{PNG_STYLE}</style><rect width=\"{w}\" height=\"{h}\" fill=\"#fff\"/>"
    );
    for (i, f) in figures.iter().enumerate() {
        let x = col * i as u32;
        s.push_str(&format!(
            "<text class=\"label\" x=\"{}\" y=\"40\">{}</text><svg x=\"{x}\" y=\"60\" width=\"{col}\" height=\"{}\" viewBox=\"{}\">{}</svg>",
            x + col / 2,
            f.view.label(),
            h - 70,
            esc(&f.view_box),
            figure_inner(
                f,
                &[Layer::Hatched(&v.pain), Layer::Dotted(&v.patient_pain)],
                &visit_marks(v, f.view)
            )
        ));
    }
    s.push_str("</svg>");
    s
}

/// The muscles a drawing lies over (both figures), most covered first, named with their side.
pub fn regions_touched(pain: &[PainDab]) -> Vec<String> {
    let mut all: Vec<(f32, String)> = Vec::new();
    for view in View::ALL {
        let m = progress::measure(pain, view);
        let area = m.area_pct;
        for t in m.touched {
            let name = format!(
                "{} ({})",
                muscle_name(t.muscle),
                t.side.label().to_lowercase()
            );
            let share = t.share_pct * area;
            match all.iter_mut().find(|(_, n)| *n == name) {
                Some((s, _)) => *s += share,
                None => all.push((share, name)),
            }
        }
    }
    crate::small_sort::sort_by(&mut all, |a, b| {
        b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal)
    });
    all.into_iter().take(8).map(|(_, n)| n).collect()
}

/// The trend series of these visits, oldest first; a visit under way counts as it stands.
pub fn series(visits: &[Visit]) -> Vec<TrendPoint> {
    let all: Vec<Visit> = visits
        .iter()
        .map(|v| Visit {
            ended_at: v.ended_at.or(Some(v.started_at)),
            ..v.clone()
        })
        .collect();
    progress::trend(&all)
}

/// One small plot: a title, a value axis from 0 to `max`, and one or two lines across the
/// visits (a solid line with filled dots, and a dashed one with hollow dots).
fn panel(
    title: &str,
    unit: &str,
    max: f32,
    lines: &[(&str, Vec<Option<f32>>)],
    dates: &[String],
) -> String {
    let (w, h, left, top, bottom, right) =
        (320.0_f32, 120.0_f32, 34.0_f32, 22.0_f32, 20.0_f32, 24.0_f32);
    let n = dates.len().max(1);
    let x = |i: usize| {
        if n == 1 {
            left + (w - left - right) / 2.0
        } else {
            left + (w - left - right) * i as f32 / (n - 1) as f32
        }
    };
    let y = |v: f32| top + (h - top - bottom) * (1.0 - (v / max).clamp(0.0, 1.0));
    let mut s = format!(
        "<svg class=\"rp-plot\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\"><text class=\"t\" x=\"0\" y=\"12\">{}</text>",
        esc(title),
        esc(title)
    );
    // Axis and gridlines at 0, half and max.
    for frac in [0.0_f32, 0.5, 1.0] {
        let v = max * frac;
        s.push_str(&format!(
            "<line class=\"grid\" x1=\"{left}\" x2=\"{}\" y1=\"{y0}\" y2=\"{y0}\"/><text class=\"a\" x=\"{}\" y=\"{}\">{}{unit}</text>",
            w - 6.0,
            left - 4.0,
            y(v) + 3.5,
            crate::num::fixed(v, 0, true),
            y0 = short(y(v)),
        ));
    }
    for (i, d) in dates.iter().enumerate() {
        s.push_str(&format!(
            "<text class=\"d\" x=\"{}\" y=\"{}\">{}</text>",
            short(x(i)),
            h - 4.0,
            esc(d)
        ));
    }
    for (li, (name, values)) in lines.iter().enumerate() {
        let class = if li == 0 { "l1" } else { "l2" };
        let pts: Vec<String> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| format!("{},{}", short(x(i)), short(y(v)))))
            .collect();
        s.push_str(&format!(
            "<g class=\"{class}\" data-series=\"{}\"><polyline points=\"{}\"/>",
            esc(name),
            pts.join(" ")
        ));
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                s.push_str(&format!(
                    "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{}: {}</title></circle>",
                    short(x(i)),
                    short(y(*v)),
                    esc(name),
                    crate::num::fixed(*v, 1, true)
                ));
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>");
    s
}

/// The trend across visits: pain before and after (0-10), pain drawing area, active points.
pub fn trend_svg(series: &[TrendPoint], offset: i64) -> String {
    let dates: Vec<String> = series
        .iter()
        .map(|p| {
            let d = day(p.at, offset);
            // "12 Mar" under the plot: the year is in the table.
            d.rsplit_once(' ')
                .map_or(d.clone(), |(dm, _)| dm.to_string())
        })
        .collect();
    let nrs = |f: fn(&TrendPoint) -> Option<u8>| -> Vec<Option<f32>> {
        series.iter().map(|p| f(p).map(f32::from)).collect()
    };
    let area: Vec<Option<f32>> = series.iter().map(|p| Some(p.pain_area_pct)).collect();
    let area_max = area.iter().flatten().fold(5.0_f32, |m, v| m.max(*v)).ceil();
    let active: Vec<Option<f32>> = series
        .iter()
        .map(|p| Some(p.active_points as f32))
        .collect();
    let active_max = active
        .iter()
        .flatten()
        .fold(4.0_f32, |m, v| m.max(*v))
        .ceil();
    format!(
        "<div class=\"rp-trend\" data-trend-visits=\"{}\">{}{}{}<p class=\"rp-legend\"><span class=\"rp-key rp-key-solid\"></span> pain before needling (highest) <span class=\"rp-key rp-key-dashed\"></span> pain after</p></div>",
        series.len(),
        panel(
            "Pain score (NRS 0-10)",
            "",
            10.0,
            &[("before", nrs(|p| p.nrs_before)), ("after", nrs(|p| p.nrs_after))],
            &dates
        ),
        panel(
            "Pain drawing, % of body",
            "%",
            area_max,
            &[("area", area)],
            &dates
        ),
        panel(
            "Active trigger points",
            "",
            active_max,
            &[("active", active)],
            &dates
        ),
    )
}

/// Two visits compared: overlaid on one figure pair (then dotted, now hatched), the numbers,
/// and the points still active, resolved and new.
pub fn compare_html(input: &Input, then: &Visit, now: &Visit, figures: &[Figure]) -> String {
    let c = progress::compare(then, now);
    let o = input.offset;
    let name = |id: u32| {
        now.points
            .iter()
            .chain(then.points.iter())
            .find(|p| p.id == id)
            .map(|p| {
                format!(
                    "{} ({})",
                    muscle_name(&p.muscle),
                    p.side.label().to_lowercase()
                )
            })
            .unwrap_or_default()
    };
    // Each muscle and side once, with how many of its points are in the list.
    let list = |ids: &[u32]| {
        if ids.is_empty() {
            return "none".to_string();
        }
        let mut counted: Vec<(String, usize)> = Vec::new();
        for n in ids.iter().map(|&i| name(i)) {
            match counted.iter_mut().find(|(m, _)| *m == n) {
                Some((_, c)) => *c += 1,
                None => counted.push((n, 1)),
            }
        }
        esc(&counted
            .into_iter()
            .map(|(n, c)| if c > 1 { format!("{n} ×{c}") } else { n })
            .collect::<Vec<_>>()
            .join(", "))
    };
    let mut h = format!(
        "<section class=\"rp-compare\" data-compare=\"{} {}\"><h2>{} compared with {}</h2><div class=\"rp-figures\">",
        then.started_at,
        now.started_at,
        day(now.started_at, o),
        day(then.started_at, o)
    );
    for f in figures {
        let marks: Vec<(usize, f32, f32, bool)> = now
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.at.view == f.view)
            .map(|(i, p)| {
                (
                    i + 1,
                    p.at.x,
                    p.at.y,
                    c.still_active.contains(&p.id) || c.new_active.contains(&p.id),
                )
            })
            .collect();
        h.push_str(&figure_svg(
            f,
            &[Layer::Dotted(&then.pain), Layer::Hatched(&now.pain)],
            &marks,
        ));
    }
    h.push_str(&format!(
        "</div><p class=\"rp-legend\"><span class=\"rp-key rp-key-dots\"></span> pain drawing of {} <span class=\"rp-key rp-key-hatch\"></span> pain drawing of {} <span class=\"rp-key rp-key-mark\"></span> active now (hollow: not active now)</p>",
        day(then.started_at, o),
        day(now.started_at, o)
    ));
    let pct = |v: f32| format!("{}%", crate::num::fixed(v, 1, true));
    h.push_str(&format!(
        "<dl class=\"rp-numbers\"><div><dt>Pain drawing</dt><dd data-measure=\"area\">{} → {}</dd></div><div><dt>Overlap (Jaccard)</dt><dd data-measure=\"overlap\">{}</dd></div><div><dt>Still active</dt><dd data-measure=\"still\">{}</dd></div><div><dt>Resolved</dt><dd data-measure=\"resolved\">{}</dd></div><div><dt>New</dt><dd data-measure=\"new\">{}</dd></div><div><dt>Not examined</dt><dd data-measure=\"unexamined\">{}</dd></div></dl></section>",
        pct(c.area_then),
        pct(c.area_now),
        c.overlap.map_or("no drawing".into(), |j| crate::num::fixed(j, 2, false)),
        list(&c.still_active),
        list(&c.resolved),
        list(&c.new_active),
        list(&c.not_examined),
    ));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anatomy::model::Side;
    use crate::clinic::chart::{MapPoint, TriggerPoint};
    use crate::clinic::findings::{Findings, Status};

    fn visit(start: i64, ended: bool, nrs: u8, r: f32) -> Visit {
        Visit {
            started_at: start,
            ended_at: ended.then_some(start + 1),
            points: vec![TriggerPoint {
                id: 1,
                muscle: "upper_trapezius".into(),
                side: Side::Right,
                at: MapPoint {
                    view: View::Posterior,
                    x: 44.0,
                    y: 136.0,
                },
                marked_at: 0,
                findings: Findings {
                    status: Status::Active,
                    nrs_before: Some(nrs),
                    nrs_after: Some(nrs / 2),
                    ..Findings::default()
                },
            }],
            pain: vec![PainDab {
                view: View::Posterior,
                x: 44.0,
                y: 136.0,
                r,
            }],
            ..Visit::default()
        }
    }

    #[test]
    fn the_series_counts_today_as_it_stands_and_the_plot_draws_every_visit() {
        let week = 7 * 86_400_000;
        let visits = [
            visit(0, true, 8, 30.0),
            visit(week, true, 6, 20.0),
            visit(2 * week, false, 4, 10.0),
        ];
        let s = series(&visits);
        assert_eq!(s.len(), 3, "today's visit is on the plot");
        assert_eq!(
            s.iter().map(|p| p.nrs_before).collect::<Vec<_>>(),
            vec![Some(8), Some(6), Some(4)]
        );
        assert!(s[0].pain_area_pct > s[1].pain_area_pct && s[1].pain_area_pct > s[2].pain_area_pct);
        let svg = trend_svg(&s, 0);
        assert!(svg.contains("data-trend-visits=\"3\""));
        // Before and after, area, active points: four lines of three dots each.
        assert_eq!(svg.matches("<circle ").count(), 12);
        assert!(svg.contains("<title>before: 8</title>"));
        assert!(svg.contains("<title>after: 2</title>"));
        assert!(svg.contains("1 Jan"), "dates under the plot");
    }

    #[test]
    fn the_exported_image_is_a_standalone_svg_of_both_figures() {
        let figures: Vec<Figure> = View::ALL
            .into_iter()
            .map(|view| Figure {
                view,
                view_box: "-200 0 400 800".into(),
                body: "<path d=\"M0 0\"/>".into(),
            })
            .collect();
        let v = visit(0, true, 5, 20.0);
        let svg = figures_png_svg(&figures, &v);
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1600\" height=\"1200\""
        ));
        assert!(svg.contains("<style>"), "styles inlined");
        assert_eq!(svg.matches("viewBox=\"-200 0 400 800\"").count(), 2);
        assert_eq!(
            svg.matches("<text dy=\"6\">1</text>").count(),
            1,
            "the point on the back only"
        );
        assert_eq!(svg.matches("fill=\"url(#rp-hatch)\"").count(), 2);
    }
}
