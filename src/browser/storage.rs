//! `localStorage` as the drafts' key-value store, through gloo-storage, with
//! a memory fallback when the browser keeps nothing (disabled storage,
//! some private modes).

use crate::store::{KeyValue, MemoryKv, WriteError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

/// Where drafts live in this browser.
#[derive(Debug)]
pub enum Backend {
    Local,
    /// Storage is unavailable: drafts live only as long as the page.
    Memory(MemoryKv),
}

impl Backend {
    /// `localStorage` when it works (even if full), memory otherwise.
    pub fn detect() -> Backend {
        let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
            return Backend::Memory(MemoryKv::default());
        };
        const PROBE: &str = "nianbao:probe";
        match storage.set_item(PROBE, "1") {
            Ok(()) => {
                let _ = storage.remove_item(PROBE);
                Backend::Local
            }
            // Full, but readable: the drafts already there are kept and shown.
            Err(e) if is_quota(&e) => Backend::Local,
            Err(_) => Backend::Memory(MemoryKv::default()),
        }
    }

    pub fn is_persistent(&self) -> bool {
        matches!(self, Backend::Local)
    }
}

fn is_quota(error: &JsValue) -> bool {
    let name = web_sys::js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

impl KeyValue for Backend {
    fn get(&self, key: &str) -> Option<String> {
        match self {
            Backend::Local => LocalStorage::raw().get_item(key).ok().flatten(),
            Backend::Memory(m) => m.get(key),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), WriteError> {
        match self {
            Backend::Local => LocalStorage::raw().set_item(key, value).map_err(|e| {
                if is_quota(&e) {
                    WriteError::Quota
                } else {
                    WriteError::Other(super::files::js_message(&e))
                }
            }),
            Backend::Memory(m) => m.set(key, value),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), WriteError> {
        match self {
            Backend::Local => LocalStorage::raw()
                .remove_item(key)
                .map_err(|e| WriteError::Other(super::files::js_message(&e))),
            Backend::Memory(m) => m.remove(key),
        }
    }

    fn keys(&self) -> Vec<String> {
        match self {
            Backend::Local => {
                let raw = LocalStorage::raw();
                let n = raw.length().unwrap_or(0);
                (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
            }
            Backend::Memory(m) => m.keys(),
        }
    }
}
