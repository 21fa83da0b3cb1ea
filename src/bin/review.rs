//! The 审核台 page's module (review.html): many reports at once, for the
//! office that receives them. Its own budget; the form page does not load
//! it. On the host it does nothing (the review core is tested natively).

fn main() {
    #[cfg(target_arch = "wasm32")]
    nianbao::ui::review::start();
}
