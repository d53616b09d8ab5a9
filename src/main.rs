//! Starts the viewer. Everything else lives in the library.

fn main() {
    report_viewer::mount();
}
