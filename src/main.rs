//! Mounts the viewer. Everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    console_error_panic_hook::set_once();
    report_viewer::ui::mount();
}
