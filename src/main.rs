//! Mounts the viewer. Everything else lives in the library.

fn main() {}
