include!("../src-tauri/build_support.rs");

fn main() {
    build_window("capabilities/worker-window.json", "../ui/dist-worker");
}
