//! The fixed-size big number the codec computes with.

/// Limbs of [`Big`]: 256 bits, room for 31^47 (under 2^233), the longest code.
pub(super) const LIMBS: usize = 8;

/// A fixed-size unsigned number, little-endian 32-bit limbs; only what the codec needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Big(pub(super) [u32; LIMBS]);

impl Big {
    /// `self = self · mul + add`; false (and `self` garbage) when it does not fit.
    pub(super) fn mul_add(&mut self, mul: u32, add: u32) -> bool {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let value = u64::from(*limb) * u64::from(mul) + carry;
            *limb = value as u32;
            carry = value >> 32;
        }
        carry == 0
    }

    /// `self = self / divisor`, returning the remainder. A zero divisor (never used) acts
    /// as 1 rather than panicking.
    pub(super) fn div_rem(&mut self, divisor: u32) -> u32 {
        let divisor = u64::from(divisor.max(1));
        let mut remainder = 0u64;
        for limb in self.0.iter_mut().rev() {
            let value = (remainder << 32) | u64::from(*limb);
            *limb = (value / divisor) as u32;
            remainder = value % divisor;
        }
        remainder as u32
    }

    /// `self = self · 2^32`; false when it does not fit.
    pub(super) fn shl32(&mut self) -> bool {
        if self.0[LIMBS - 1] != 0 {
            return false;
        }
        self.0.rotate_right(1);
        true
    }

    /// `self = self / 2^32`, returning the low 32 bits.
    pub(super) fn shr32(&mut self) -> u32 {
        let low = self.0[0];
        self.0[0] = 0;
        self.0.rotate_left(1);
        low
    }

    pub(super) fn clone_rem(&self, divisor: u32) -> u32 {
        let mut copy = *self;
        copy.div_rem(divisor)
    }

    pub(super) fn is_zero(&self) -> bool {
        self.0.iter().all(|&limb| limb == 0)
    }
}
