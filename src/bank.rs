//! The question bank the widget asks from: the whole built-in bank, or the bank restricted to a
//! partner's domains (made once per distinct choice and kept for the page's life, so screens
//! hold plain `&'static Bank` references). The bank's rules are the core's.

use std::sync::LazyLock;

use autonomie_core::Bank;

static BANK: LazyLock<Bank> = LazyLock::new(Bank::builtin);

thread_local! {
    /// Banks restricted to a partner's domains, made once per distinct choice and kept for
    /// the page's life, so screens can hold plain `&'static Bank` references.
    static RESTRICTED: std::cell::RefCell<Vec<(Vec<String>, &'static Bank)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The whole question bank.
pub fn full_bank() -> &'static Bank {
    &BANK
}

pub fn bank_for(domains: &[String]) -> &'static Bank {
    if domains.is_empty() {
        return full_bank();
    }
    RESTRICTED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, bank)) = cache.iter().find(|(d, _)| d == domains) {
            return *bank;
        }
        let bank: &'static Bank = Box::leak(Box::new(full_bank().restricted_to(domains)));
        cache.push((domains.to_vec(), bank));
        bank
    })
}
