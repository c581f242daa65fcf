include!("build_support.rs");

fn main() {
    build_window("capabilities/main-window.json", "../ui/dist");
}
