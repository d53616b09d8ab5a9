//! Leptos components: the only layer that touches the DOM.
