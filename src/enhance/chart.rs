//! Charts on the page, made to work in place: the drawing the page
//! carries stays until the reader's screen or choices need another one
//! (a much narrower or wider box, larger text, a series switched off);
//! tips, arrow keys, the legend, the chart/table switch and the downloads
//! work from the [`report_chart::Drawing`]'s data (the placed points),
//! never from the markup. A chart off screen is drawn again only when it
//! comes into view.

use std::rc::Rc;

use report_chart::{draw, export, Drawing};
use report_format::{chart_csv, distinct_sources, point_text, Chart, TextSize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{all, announce, listen, own, viewer, Viewer};
use crate::hooks::{
    Action, AWAY, CHART, CHART_LIVE, CHART_SVG, CHART_TABLE, CHART_TIP, CHART_VIEW, SR_ONLY,
};
use crate::state::chart::{page_options, ChartState};
use crate::state::{chart_key_target, file_name};

/// The slot of a drawing's box.
fn slot_of_box(v: &Viewer, el: &web_sys::Element) -> Option<usize> {
    v.chart_boxes.get(el).as_f64().map(|k| k as usize)
}

/// One chart on the page and what is known about it.
pub struct Slot {
    /// The chart's id (its figure's id).
    id: String,
    /// The `<figure>`.
    figure: web_sys::Element,
    /// The drawing's box (`.chart-svg`).
    holder: web_sys::HtmlElement,
    /// What the reader's screen and choices ask for.
    want: ChartState,
    /// What the drawing on the page was made with.
    shown: ChartState,
    /// The drawing on the page, once its data was needed.
    drawing: Option<Drawing>,
    /// Whether the chart is on screen (or near it).
    visible: bool,
}

/// Finds the page's charts and listens to them.
pub fn start(v: &Rc<Viewer>) {
    let mut slots = Vec::new();
    for figure in all(None, CHART.sel) {
        let Some(holder) = all(Some(&figure), CHART_SVG.sel).pop() else {
            continue;
        };
        let k = slots.len();
        let holder: web_sys::HtmlElement = holder.unchecked_into();
        listen(&holder, "pointermove", false, move |ev| {
            let ev: web_sys::PointerEvent = ev.unchecked_into();
            pointer(k, &ev);
        });
        listen(&holder, "pointerleave", false, move |_| hide_tip(k));
        listen(&holder, "blur", false, move |_| hide_tip(k));
        listen(&holder, "keydown", false, move |ev| key(k, &ev));
        v.chart_boxes.set(&holder, &(k as f64).into());
        slots.push(Slot {
            id: figure.id(),
            figure,
            holder,
            want: ChartState::default(),
            shown: ChartState::default(),
            drawing: None,
            visible: false,
        });
    }
    let text = super::display::current().1;
    for s in &mut slots {
        s.want.text = text;
    }
    *v.charts.borrow_mut() = slots;
    observe(v);
}

/// The slot of a chart's `<figure>`.
fn slot_of(figure: &web_sys::Element) -> Option<usize> {
    let v = viewer()?;
    let id = figure.id();
    let k = v.charts.borrow().iter().position(|s| s.id == id);
    k
}

/// Follows each drawing's box: its width (a resize observer) and whether
/// it is on screen (an intersection observer). Neither forces a layout:
/// both report after the browser's own.
fn observe(v: &Rc<Viewer>) {
    let resized = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        let Some(v) = viewer() else { return };
        let mut todo = Vec::new();
        {
            let mut slots = v.charts.borrow_mut();
            for e in entries.iter() {
                let e: web_sys::ResizeObserverEntry = e.unchecked_into();
                let Some(k) = slot_of_box(&v, &e.target()).filter(|&k| k < slots.len()) else {
                    continue;
                };
                if let Some(w) = slots[k].want.width_for(e.content_rect().width()) {
                    slots[k].want.width = w;
                    if slots[k].visible {
                        todo.push(k);
                    }
                }
            }
        }
        for k in todo {
            redraw(k);
        }
    });
    let seen = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        let Some(v) = viewer() else { return };
        let mut todo = Vec::new();
        {
            let mut slots = v.charts.borrow_mut();
            for e in entries.iter() {
                let e: web_sys::IntersectionObserverEntry = e.unchecked_into();
                let Some(k) = slot_of_box(&v, &e.target()).filter(|&k| k < slots.len()) else {
                    continue;
                };
                slots[k].visible = e.is_intersecting();
                if slots[k].visible && !slots[k].want.draws_as(&slots[k].shown) {
                    todo.push(k);
                }
            }
        }
        for k in todo {
            redraw(k);
        }
    });
    let opts = web_sys::IntersectionObserverInit::new();
    opts.set_root_margin("200px 0px");
    let (Ok(ro), Ok(io)) = (
        web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()),
        web_sys::IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &opts),
    ) else {
        return;
    };
    for s in v.charts.borrow().iter() {
        ro.observe(&s.holder);
        io.observe(&s.holder);
    }
    // The observers live as long as the page; so must their callbacks.
    resized.forget();
    seen.forget();
}

/// The chart spec of slot `k`.
fn spec(v: &Viewer, k: usize) -> Option<Chart> {
    let id = v.charts.borrow().get(k)?.id.clone();
    v.report.chart(&id).cloned()
}

/// Makes slot `k`'s drawing what its state asks for, and knows its data.
fn redraw(k: usize) {
    let Some(v) = viewer() else { return };
    let Some(chart) = spec(&v, k) else { return };
    let mut slots = v.charts.borrow_mut();
    let s = &mut slots[k];
    if s.want.draws_as(&s.shown) && s.drawing.is_some() {
        return;
    }
    let want = ChartState {
        tip: None,
        ..s.want
    };
    match draw(&chart, &want.style(v.lang), &page_options(&chart.id)) {
        Ok(d) => {
            // The page's drawing is this one already (the static drawing,
            // before anything changed): only its data was needed.
            if !want.draws_as(&s.shown) {
                super::trusted::set_svg(&s.holder, &own(d.svg.clone()));
                // The new drawing's targets are all unmarked.
                let _ = s.holder.remove_attribute(MARKED_ATTR);
            }
            s.drawing = Some(d);
            s.shown = want;
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("report viewer: chart {}: {e}", chart.id).into())
        }
    }
    let (holder, figure) = (s.holder.clone(), s.figure.clone());
    drop(slots);
    // A drawing made again moves its points: the tip goes.
    hide_tip_in(&holder, &figure);
}

/// The text size changed: every chart is drawn again for it, those on
/// screen now, the others when they come into view.
pub fn text_changed(t: TextSize) {
    let Some(v) = viewer() else { return };
    let todo: Vec<usize> = {
        let mut slots = v.charts.borrow_mut();
        slots
            .iter_mut()
            .enumerate()
            .filter_map(|(k, s)| {
                s.want.text = t;
                s.visible.then_some(k)
            })
            .collect()
    };
    for k in todo {
        redraw(k);
    }
}

/// Slot `k`'s drawing data, drawing it first when the page's drawing is
/// not yet known (the static one is the default state's).
fn with_drawing<R>(k: usize, f: impl FnOnce(&Slot, &Drawing) -> R) -> Option<R> {
    let v = viewer()?;
    if v.charts.borrow().get(k)?.drawing.is_none() {
        redraw(k);
    }
    let slots = v.charts.borrow();
    let s = slots.get(k)?;
    Some(f(s, s.drawing.as_ref()?))
}

fn pointer(k: usize, ev: &web_sys::PointerEvent) {
    let Some((under, now)) = with_drawing(k, |s, d| (point_under(&s.holder, d, ev), s.want.tip))
    else {
        return;
    };
    if let Some(i) = under.filter(|&i| Some(i) != now) {
        show_tip(k, i, false);
    }
}

fn key(k: usize, ev: &web_sys::Event) {
    let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
    if ev.key() == "Escape" {
        return hide_tip(k);
    }
    let Some(next) =
        with_drawing(k, |s, d| chart_key_target(&d.keys(), s.want.tip, &ev.key())).flatten()
    else {
        return;
    };
    ev.prevent_default();
    show_tip(k, next, true);
}

/// Shows point `i`'s value, kind and source in the tip (and, from the
/// keyboard, in the live region screen readers announce).
fn show_tip(k: usize, i: usize, speak: bool) {
    let Some(v) = viewer() else { return };
    let Some(chart) = spec(&v, k) else { return };
    let found = with_drawing(k, |s, d| {
        let p = *d.points.get(i)?;
        Some((
            p,
            point_position(&s.holder, d, i)?,
            s.figure.clone(),
            s.holder.clone(),
        ))
    })
    .flatten();
    let Some((p, (x, y), figure, holder)) = found else {
        return;
    };
    if let Some(s) = v.charts.borrow_mut().get_mut(k) {
        s.want.tip = Some(i);
    }
    let said = own(point_text(&v.report, &chart, p.series, p.point, v.lang));
    if let Some(tip) = all(Some(&figure), CHART_TIP.sel).pop() {
        let tip: web_sys::HtmlElement = tip.unchecked_into();
        tip.set_text_content(Some(&said));
        place(&tip, x as i32, y as i32);
        tip.set_hidden(false);
    }
    if speak {
        if let Some(live) = all(Some(&figure), CHART_LIVE.sel).pop() {
            live.set_text_content(Some(&said));
        }
    }
    mark_point(&holder, Some(i));
}

fn hide_tip(k: usize) {
    let Some(v) = viewer() else { return };
    let found = v.charts.borrow_mut().get_mut(k).map(|s| {
        s.want.tip = None;
        (s.holder.clone(), s.figure.clone())
    });
    if let Some((holder, figure)) = found {
        hide_tip_in(&holder, &figure);
    }
}

fn hide_tip_in(holder: &web_sys::HtmlElement, figure: &web_sys::Element) {
    if let Some(tip) = all(Some(figure), CHART_TIP.sel).pop() {
        tip.unchecked_ref::<web_sys::HtmlElement>().set_hidden(true);
    }
    mark_point(holder, None);
}

/// Switches series `i` on or off (the legend button `button` in
/// `figure`), and draws the chart again.
pub fn toggle_series(figure: &web_sys::Element, button: &web_sys::Element, i: usize) {
    let Some(v) = viewer() else { return };
    let Some(k) = slot_of(figure) else { return };
    let Some(n) = spec(&v, k).map(|c| c.series.len()) else {
        return;
    };
    let changed = v
        .charts
        .borrow_mut()
        .get_mut(k)
        .is_some_and(|s| s.want.toggle_series(i, n));
    if changed {
        let on = v.charts.borrow()[k].want.shows(i);
        let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        redraw(k);
    }
}

/// The chart or its table, as the reader chose. The table stays in the
/// page for screen readers either way.
pub fn switch(figure: &web_sys::Element, table: bool) {
    for (action, on) in [(Action::ShowChart, !table), (Action::ShowTable, table)] {
        for b in all(Some(figure), &action.selector()) {
            let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    }
    for el in all(Some(figure), CHART_VIEW.sel) {
        let _ = el.class_list().toggle_with_force(AWAY.name, table);
    }
    for el in all(Some(figure), CHART_TABLE.sel) {
        let _ = el.class_list().toggle_with_force(SR_ONLY.name, !table);
    }
}

/// Downloads the chart as SVG or PNG (title and sources drawn in, the
/// theme and series shown), or its data as CSV: the chart in `figure`.
pub fn download(figure: &web_sys::Element, kind: &str) {
    let Some(v) = viewer() else { return };
    let Some(k) = slot_of(figure) else { return };
    let Some(chart) = spec(&v, k) else { return };
    let lang = v.lang;
    let name = file_name(&chart.title, kind);
    if kind == "csv" {
        let csv = own(chart_csv(&v.report, &chart, lang));
        super::files::download_text(&name, "text/csv;charset=utf-8", &csv);
    } else {
        let mut state = v.charts.borrow()[k].want;
        state.width = state.width.max(640);
        let mut style = state.style(lang);
        style.theme = super::display::current().0;
        let mut footer: Vec<String> = distinct_sources(&chart)
            .iter()
            .map(|s| {
                format!(
                    "{}{}",
                    lang.pick("来源\u{FF1A}", "Source: "),
                    s.describe(&v.report, lang)
                )
            })
            .collect();
        footer.push(format!(
            "{} · {}",
            v.report.meta.issuer, v.report.meta.title
        ));
        let Ok(picture) = export(&chart, &style, &chart.title, &footer) else {
            return;
        };
        let svg = own(picture.svg);
        if kind == "svg" {
            super::files::download_text(&name, "image/svg+xml", &svg);
        } else {
            super::files::download_png(name.clone(), &svg, picture.width, picture.height);
        }
    }
    announce(format!(
        "{}{name}",
        lang.pick("已下载\u{FF1A}", "Downloaded: ")
    ));
}

/// Moves an absolutely placed element to `x`, `y` (CSS pixels) through
/// its style object, which a strict style policy allows.
pub fn place(el: &web_sys::HtmlElement, x: i32, y: i32) {
    let style = el.style();
    let _ = style.set_property("left", &format!("{x}px"));
    let _ = style.set_property("top", &format!("{y}px"));
}

/// The box a drawing is shown in: where its `<svg>` is, relative to `host`,
/// and how much it is scaled. The SVG keeps its aspect ratio and is
/// centred in its box (`xMidYMid meet`).
fn frame(host: &web_sys::Element, d: &Drawing) -> Option<(f64, f64, f64)> {
    let svg = host.first_element_child()?;
    let (r, h) = (
        svg.get_bounding_client_rect(),
        host.get_bounding_client_rect(),
    );
    let (w, ht) = (f64::from(d.width.max(1)), f64::from(d.height.max(1)));
    let scale = (r.width() / w).min(r.height() / ht);
    let left = r.left() - h.left() + (r.width() - w * scale) / 2.0;
    let top = r.top() - h.top() + (r.height() - ht * scale) / 2.0;
    Some((left, top, scale))
}

/// Where the tip of point `i` of the drawing shown in `host` goes,
/// relative to `host`: above the point's target, centred.
pub fn point_position(host: &web_sys::Element, d: &Drawing, i: usize) -> Option<(f64, f64)> {
    let p = d.points.get(i)?;
    let (left, top, scale) = frame(host, d)?;
    let above = f64::from(p.y - d.target_radius);
    Some((left + f64::from(p.x) * scale, top + above * scale))
}

/// The point of the drawing under the pointer, if any.
pub fn point_under(
    host: &web_sys::Element,
    d: &Drawing,
    ev: &web_sys::PointerEvent,
) -> Option<usize> {
    let (left, top, scale) = frame(host, d)?;
    let h = host.get_bounding_client_rect();
    let x = (f64::from(ev.client_x()) - h.left() - left) / scale;
    let y = (f64::from(ev.client_y()) - h.top() - top) / scale;
    d.point_at(x, y)
}

/// Shows point `i`'s focus ring on its target (and no other's): the
/// targets are the children of the drawing's target group, in the order of
/// the drawing's points. Only the target marked before and the one marked
/// now are touched (a chart may have 120,000 points); which one is marked
/// is kept on the box.
pub fn mark_point(host: &web_sys::Element, i: Option<usize>) {
    let group = host
        .query_selector(&format!(".{}", report_chart::TARGETS_CLASS))
        .ok()
        .flatten();
    let Some(targets) = group.map(|g| g.children()) else {
        return;
    };
    let before = host
        .get_attribute(MARKED_ATTR)
        .and_then(|m| m.parse::<u32>().ok());
    let now = i.and_then(|i| u32::try_from(i).ok());
    if before == now {
        return;
    }
    if let Some(el) = before.and_then(|b| targets.item(b)) {
        let _ = el.class_list().remove_1(MARKED_CLASS);
    }
    match now.and_then(|n| Some((n, targets.item(n)?))) {
        Some((n, el)) => {
            let _ = el.class_list().add_1(MARKED_CLASS);
            let _ = host.set_attribute(MARKED_ATTR, &n.to_string());
        }
        None => {
            let _ = host.remove_attribute(MARKED_ATTR);
        }
    }
}

/// Which target of a drawing's box is marked (its index).
const MARKED_ATTR: &str = "data-marked";
/// The class of the marked target, which the style sheet rings.
const MARKED_CLASS: &str = "on";
