//! 朗读 (read aloud): the button that starts reading from the section in
//! view, a section's own button, and the player that appears while
//! reading (pause, continue, stop, speed). The browser layer
//! (`crate::enhance::read`) makes them work with the browser's speech
//! synthesis.
//!
//! Every word the controls show or announce is in the page, not in the
//! WASM: messages start `hidden` and the browser layer shows the one that
//! applies, so they cost no bytes there and are converted with the rest
//! of the page's text.

use leptos::prelude::*;

use super::Viewer;
use crate::hooks::{ReadControl, ReadLine, ReadNote, READ_PLAYER};
use crate::state::read::{Speed, Status};

/// What the player shows: what reading is doing and how fast. The browser
/// layer's speech engine (`crate::enhance::read`) writes them; the player
/// (the `read` island) follows.
#[derive(Clone, Copy)]
pub struct Player {
    /// What reading is doing.
    pub status: RwSignal<Status>,
    /// How fast reading goes.
    pub speed: RwSignal<Speed>,
}

impl Player {
    /// Not reading, at the normal speed: the player as the build writes it.
    pub fn new() -> Player {
        Player {
            status: RwSignal::new(Status::Idle),
            speed: RwSignal::new(Speed::Normal),
        }
    }
}

impl Default for Player {
    fn default() -> Player {
        Player::new()
    }
}

/// "朗读": reads aloud from the section in view. Beside it, the notes
/// shown when this browser cannot read aloud (no speech synthesis at all,
/// or no voice for the report's language).
#[component]
pub fn ReadAloud() -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    view! {
        <div class="read-aloud" data-testid="read-aloud">
            <button type="button" data-read=ReadControl::Start.name() data-testid="read-start">
                {lang.pick("朗读", "Read aloud")}
            </button>
            <p class="read-note" data-read-note=ReadNote::NoVoice.name() data-testid="read-no-voice" hidden=true>
                {lang.pick(
                    "此浏览器没有中文语音，无法朗读。可在手机或电脑的系统设置中添加中文语音后再试。",
                    "This browser has no Chinese voice, so it cannot read the report aloud. Add a Chinese voice in your system's settings and try again.",
                )}
            </p>
            <p class="read-note" data-read-note=ReadNote::Unsupported.name() data-testid="read-unsupported" hidden=true>
                {lang.pick(
                    "此浏览器不支持朗读。",
                    "This browser cannot read aloud.",
                )}
            </p>
        </div>
    }
}

/// A section's own "朗读本节": reads aloud from its heading on.
#[component]
pub fn ReadSection(
    /// The section's id.
    id: String,
) -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    view! {
        <button type="button" class="read-section" data-read=ReadControl::Section.name() data-target=id>
            {lang.pick("朗读本节", "Read this section aloud")}
        </button>
    }
}

/// The player, shown while reading: what reading is doing (the style
/// sheet shows the line for the state), pause or continue, stop, and the
/// speed, all from the [`Player`] in context (a new one when the build
/// renders it). Fixed at the bottom of the window, so it stays in reach
/// wherever reading goes. Its buttons are routed by the document's click
/// dispatcher (`data-read`, `data-read-speed`), like 朗读 outside it.
#[component]
pub fn ReadPlayer() -> impl IntoView {
    let lang = expect_context::<Viewer>().lang;
    let Player { status, speed } = use_context::<Player>().unwrap_or_default();
    let speeds = [
        (Speed::Slow, lang.pick("慢", "Slow")),
        (Speed::Normal, lang.pick("正常", "Normal")),
        (Speed::Fast, lang.pick("快", "Fast")),
    ]
    .map(|(s, label)| {
        let pressed = move || (speed.get() == s).to_string();
        view! {
            <button type="button" data-read-speed=s.name() aria-pressed=pressed>
                {label}
            </button>
        }
    });
    view! {
        <div
            class=READ_PLAYER.name
            role="group"
            aria-label=lang.pick("朗读", "Read aloud")
            data-testid="read-player"
            data-state=move || status.get().name()
            hidden=move || status.get() == Status::Idle
        >
            <p class="read-state">
                <span data-when=ReadLine::Playing.name()>{lang.pick("正在朗读", "Reading aloud")}</span>
                <span data-when=ReadLine::Paused.name()>{lang.pick("已暂停", "Paused")}</span>
                <span data-when=ReadLine::Stopped.name()>{lang.pick("已停止朗读", "Stopped reading")}</span>
                <span data-when=ReadLine::Done.name()>{lang.pick("已读完", "Finished reading")}</span>
            </p>
            <button
                type="button"
                data-read=ReadControl::Pause.name()
                data-testid="read-pause"
                hidden=move || status.get() == Status::Paused
            >
                {lang.pick("暂停", "Pause")}
            </button>
            <button
                type="button"
                data-read=ReadControl::Resume.name()
                data-testid="read-resume"
                hidden=move || status.get() != Status::Paused
            >
                {lang.pick("继续", "Continue")}
            </button>
            <button type="button" data-read=ReadControl::Stop.name() data-testid="read-stop">
                {lang.pick("停止", "Stop")}
            </button>
            // Named by its label's words, without an id: the page's ids
            // are reserved against report ids.
            <span class="seg" role="group" aria-label=lang.pick("语速", "Speed")>
                <span class="label" aria-hidden="true">{lang.pick("语速", "Speed")}</span>
                {speeds}
            </span>
        </div>
    }
}
