//! 朗读: reads the report aloud with the browser's speech synthesis, from
//! what is in view ("朗读": the first heading, paragraph, figure or chart
//! line in the window) or from a section's own button, sentence by
//! sentence, to the end of the report. The sentence being said is a
//! painted range over the page's own text (`::highlight(reading)`; the
//! document's text never changes) and is kept in view; its element is
//! marked `data-reading`, which is what a browser without the highlight
//! API shows. The player (pause, continue, stop, speed) appears while
//! reading; hiding the page pauses it.
//!
//! What each element is said as, the sentences, the queue and the voice
//! are decided in [`crate::state::read`]; the page side (which elements,
//! read as shown; the sentence painted and kept in view) is in `page`;
//! here are the controls and the speech engine. Pausing cancels the sentence and says it again on
//! continuing: the engines' own pause is unreliable (it does nothing on
//! some, and stops for good on others).
//!
//! A browser without speech synthesis, or without a voice for the text's
//! language, shows a note beside the button and says it in the status
//! line. Voices may load late (`voiceschanged`): reading waits for them a
//! moment before it says there are none.

use std::cell::RefCell;

use leptos::prelude::Set;
use report_format::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use super::{all, announce, closest, document, event_element, later, listen, window};
use crate::hooks::{
    root, ReadControl, ReadLine, ReadNote, MENU, READ_ATTR, READ_NOTE_ATTR, READ_PLAYER,
    READ_SPEED_ATTR, TARGET_ATTR, WHEN_ATTR,
};
use crate::state::read::{pick_voice, utf16_span, Queue, Speed, Status};
use page::{first_in, in_view, lang_of, piece, READABLE};

mod page;

/// How long reading waits for the browser's voices to load before it
/// says there is none.
const VOICE_WAIT_MS: u32 = 1500;

/// Where reading stands on this page (the viewer holds it: the browser's
/// speech queue calls back long after the call that started it).
#[derive(Default)]
pub struct Reading {
    status: Status,
    speed: Speed,
    /// The page's readable elements, read when reading starts.
    blocks: Vec<Element>,
    queue: Queue,
    /// The language of the report's text.
    lang: Lang,
    /// The utterance being said: only its events count (a cancelled one
    /// still ends, late).
    current: Option<SpeechSynthesisUtterance>,
    /// The element marked as being read.
    marked: Option<Element>,
    /// The button that started reading; focus goes back to it at the end.
    from: Option<Element>,
    /// Waiting for voices: where to start (see [`begin`]), and from
    /// which button.
    waiting: Option<(Option<String>, Option<Element>)>,
    /// The one handler of every utterance's `end` and `error`, made once.
    handler: Option<js_sys::Function>,
}

/// Runs `f` on the viewer's reading state (nothing before the viewer runs).
fn reading<T: Default>(f: impl FnOnce(&RefCell<Reading>) -> T) -> T {
    super::viewer().map(|v| f(&v.reading)).unwrap_or_default()
}

/// The browser's speech synthesis, if it has one.
fn synth() -> Option<SpeechSynthesis> {
    let w = window();
    js_sys::Reflect::has(&w, &"speechSynthesis".into())
        .unwrap_or(false)
        .then(|| w.speech_synthesis().ok())
        .flatten()
}

/// Listens to the controls, the page's visibility and the voices.
pub fn start() {
    let speed = super::settings::recall("read-speed")
        .and_then(|s| Speed::parse(&s))
        .unwrap_or_default();
    reading(|r| r.borrow_mut().speed = speed);
    mark_speed(speed);
    let doc = document();
    listen(&doc, "keydown", false, |ev| {
        let ev: web_sys::KeyboardEvent = ev.unchecked_into();
        let in_player =
            event_element(&ev).is_some_and(|el| closest(&el, READ_PLAYER.sel).is_some());
        if in_player && ev.key() == "Escape" {
            finish(ReadLine::Stopped);
        }
    });
    listen(&doc, "visibilitychange", false, |_| {
        if document().hidden() && status() == Status::Playing {
            pause();
        }
    });
    if let Some(s) = synth() {
        // Asking once makes some browsers start loading their voices.
        let _ = s.get_voices();
        listen(&s, "voiceschanged", false, |_| retry());
    }
}

fn status() -> Status {
    reading(|r| r.borrow().status)
}

/// A read-aloud control was pressed (`super::events`): `what` is its
/// [`READ_ATTR`], or its [`READ_SPEED_ATTR`] for a speed button.
pub fn pressed(button: Element) {
    if let Some(speed) = button.get_attribute(READ_SPEED_ATTR) {
        return set_speed(Speed::parse(&speed).unwrap_or_default());
    }
    let control = button.get_attribute(READ_ATTR);
    match control.as_deref().and_then(ReadControl::parse) {
        Some(ReadControl::Start) => begin(None, Some(button), false),
        Some(ReadControl::Section) => {
            let id = button.get_attribute(TARGET_ATTR);
            begin(id, Some(button), false);
        }
        Some(ReadControl::Pause) => pause(),
        Some(ReadControl::Resume) => resume(),
        Some(ReadControl::Stop) => finish(ReadLine::Stopped),
        None => {}
    }
}

/// The best of the browser's voices for `lang`, if it has one.
fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synth
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into())
        .collect();
    let tags: Vec<(String, bool)> = voices
        .iter()
        .map(|v| (v.lang(), v.local_service()))
        .collect();
    pick_voice(&tags, lang).map(|i| voices[i].clone())
}

/// Starts reading at the start of the section `at`, or (`None`) at what
/// is in view. With no voices yet (they may still be loading), waits for
/// them once.
fn begin(at: Option<String>, from: Option<Element>, waited: bool) {
    let Some(synth) = synth() else {
        return note(Some(ReadNote::Unsupported));
    };
    halt(&synth);
    let blocks = all(None, READABLE);
    let index = match &at {
        Some(id) => first_in(&blocks, id).unwrap_or(0),
        None => in_view(&blocks),
    };
    let Some(first) = blocks.get(index) else {
        return;
    };
    if synth.get_voices().length() == 0 && !waited {
        reading(|r| r.borrow_mut().waiting = Some((at, from)));
        later(VOICE_WAIT_MS, retry);
        return;
    }
    if voice_for(&synth, &lang_of(first)).is_none() {
        return note(Some(ReadNote::NoVoice));
    }
    note(None);
    // The report's language, not the interface's (the English page
    // carries the report in Chinese): numbers and the punctuation
    // between parts are said for the voice that reads it.
    let lang = if lang_of(first).starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    };
    let Some(queue) = Queue::from(index, lang, &mut |i| blocks.get(i).map(piece)) else {
        return;
    };
    reading(|r| {
        let mut r = r.borrow_mut();
        r.blocks = blocks;
        r.queue = queue;
        r.lang = lang;
        r.status = Status::Playing;
        r.from = from;
    });
    show_player(Status::Playing);
    focus_control(ReadControl::Pause);
    say_state(ReadLine::Playing);
    speak_current();
}

/// Starts what waited for the voices, once they are there or the wait is
/// over.
fn retry() {
    if let Some((at, from)) = reading(|r| r.borrow_mut().waiting.take()) {
        begin(at, from, true);
    }
}

/// Shows the note `kind` beside the button and says it; `None` hides them.
fn note(kind: Option<ReadNote>) {
    for n in all(None, &format!("[{READ_NOTE_ATTR}]")) {
        let show = n.get_attribute(READ_NOTE_ATTR).as_deref() == kind.map(ReadNote::name);
        let _ = n.toggle_attribute_with_force("hidden", !show);
        if show {
            announce(n.text_content().unwrap_or_default());
        }
    }
}

/// Says the player's line for `state` in the status line.
fn say_state(line: ReadLine) {
    if let Ok(Some(el)) = document().query_selector(&format!(
        "{} [{WHEN_ATTR}={}]",
        READ_PLAYER.sel,
        line.name()
    )) {
        announce(el.text_content().unwrap_or_default());
    }
}

fn player() -> Option<Element> {
    document().query_selector(READ_PLAYER.sel).ok().flatten()
}

/// Shows the player in `status` (the island hides it when idle, and shows
/// pause or continue as it applies), with room for it at the page's end.
fn show_player(status: Status) {
    if let Some(v) = super::viewer() {
        v.player.status.set(status);
    }
    if let Some(root) = super::root() {
        // Room for the player at the end of the page (style.css).
        let _ = root.toggle_attribute_with_force(root::READ_PLAYER, status != Status::Idle);
    }
}

/// Focuses the player's `name` button once the island has shown it: its
/// update runs as a task on the signal's change, and this task after it.
fn focus_control(control: ReadControl) {
    leptos::task::spawn_local(async move {
        let b = player().and_then(|p| {
            p.query_selector(&format!("[{READ_ATTR}={}]", control.name()))
                .ok()
                .flatten()
        });
        if let Some(b) = b {
            let _ = b.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Whether focus is in the player.
fn focus_in_player() -> bool {
    document()
        .active_element()
        .is_some_and(|a| closest(&a, READ_PLAYER.sel).is_some())
}

/// Stops the engine; the utterance it was saying no longer counts.
fn halt(synth: &SpeechSynthesis) {
    reading(|r| r.borrow_mut().current = None);
    synth.cancel();
}

fn pause() {
    if status() != Status::Playing {
        return;
    }
    let moving = focus_in_player();
    reading(|r| r.borrow_mut().status = Status::Paused);
    if let Some(s) = synth() {
        halt(&s);
    }
    show_player(Status::Paused);
    if moving {
        focus_control(ReadControl::Resume);
    }
    say_state(ReadLine::Paused);
}

fn resume() {
    if status() != Status::Paused {
        return;
    }
    let moving = focus_in_player();
    reading(|r| r.borrow_mut().status = Status::Playing);
    show_player(Status::Playing);
    if moving {
        focus_control(ReadControl::Pause);
    }
    say_state(ReadLine::Playing);
    speak_current();
}

/// Ends reading (`stopped` by the reader, or `done` at the end): the
/// highlight and the player go, and focus returns to where reading began.
fn finish(how: ReadLine) {
    if status() == Status::Idle {
        return;
    }
    let moving = focus_in_player();
    let (marked, from) = reading(|r| {
        let mut r = r.borrow_mut();
        r.status = Status::Idle;
        r.blocks = Vec::new();
        (r.marked.take(), r.from.take())
    });
    if let Some(s) = synth() {
        halt(&s);
    }
    page::clear(marked);
    say_state(how);
    show_player(Status::Idle);
    if moving {
        if let Some(b) = from.filter(|b| b.is_connected()) {
            // 朗读本节 sits in its section's menu, closed once used: its
            // button is the menu's.
            let b = super::closest(&b, &format!("{}:not([open])", MENU.sel))
                .and_then(|m| m.query_selector(":scope > summary").ok().flatten())
                .unwrap_or(b);
            let _ = b.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    }
}

fn set_speed(speed: Speed) {
    let playing = reading(|r| {
        let mut r = r.borrow_mut();
        r.speed = speed;
        r.status == Status::Playing
    });
    mark_speed(speed);
    super::settings::remember("read-speed", speed.name());
    // The sentence being said starts again at the new speed.
    if playing {
        if let Some(s) = synth() {
            halt(&s);
        }
        speak_current();
    }
}

/// Shows `speed` as the one pressed (the player island follows).
fn mark_speed(speed: Speed) {
    if let Some(v) = super::viewer() {
        v.player.speed.set(speed);
    }
}

/// The handler of every utterance's `end` and `error`: an event of the
/// utterance being said moves on (or, for an error, stops).
fn handler() -> Option<js_sys::Function> {
    reading(|r| {
        let mut r = r.borrow_mut();
        let made = r.handler.get_or_insert_with(|| {
            Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
                let target = ev.target();
                let current = reading(|r| {
                    r.borrow()
                        .current
                        .as_ref()
                        .is_some_and(|u| target.as_ref().is_some_and(|t| t == u.as_ref()))
                });
                if !current {
                    return;
                }
                if ev.type_() == "end" {
                    return next();
                }
                let error = js_sys::Reflect::get(&ev, &"error".into())
                    .ok()
                    .and_then(|e| e.as_string())
                    .unwrap_or_default();
                match error.as_str() {
                    // Cancelled by someone else (another page, the system).
                    "interrupted" | "canceled" => pause(),
                    "language-unavailable" | "voice-unavailable" | "synthesis-unavailable" => {
                        finish(ReadLine::Stopped);
                        note(Some(ReadNote::NoVoice));
                    }
                    _ => finish(ReadLine::Stopped),
                }
            })
            .into_js_value()
            .unchecked_into()
        });
        Some(made.clone())
    })
}

/// The next sentence, or the end of reading.
fn next() {
    let more = reading(|r| {
        let r = &mut *r.borrow_mut();
        let blocks = &r.blocks;
        r.queue.advance(r.lang, &mut |i| blocks.get(i).map(piece))
    });
    if more {
        speak_current();
    } else {
        finish(ReadLine::Done);
    }
}

/// Says the sentence reading stands at, and shows it.
fn speak_current() {
    let Some(synth) = synth() else { return };
    let now = reading(|r| {
        let r = r.borrow();
        let u = r.queue.current()?;
        Some((
            r.blocks.get(r.queue.block)?.clone(),
            u.text.clone(),
            u.span,
            r.speed,
        ))
    });
    let Some((el, text, span, speed)) = now else {
        return finish(ReadLine::Stopped);
    };
    let Ok(u) = SpeechSynthesisUtterance::new_with_text(&text) else {
        return finish(ReadLine::Stopped);
    };
    let lang = lang_of(&el);
    u.set_lang(&lang);
    if let Some(v) = voice_for(&synth, &lang) {
        u.set_voice(Some(&v));
    }
    u.set_rate(speed.rate());
    let Some(h) = handler() else {
        return finish(ReadLine::Stopped);
    };
    u.set_onend(Some(&h));
    u.set_onerror(Some(&h));
    reading(|r| r.borrow_mut().current = Some(u.clone()));
    let span = span.map(|s| utf16_span(&el.text_content().unwrap_or_default(), s));
    reading(|r| page::show(&el, span, &mut r.borrow_mut().marked));
    synth.speak(&u);
}
