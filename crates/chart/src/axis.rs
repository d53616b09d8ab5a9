//! The value axis: a range that starts at zero and ends on a round number,
//! with evenly spaced round ticks. Pure arithmetic, tested natively.

/// A value axis from `0` (or a negative minimum) to `max`, with ticks every
/// `step`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueAxis {
    /// Lowest value on the axis (0 unless the data has negatives).
    pub min: f64,
    /// Highest value on the axis, a multiple of `step`.
    pub max: f64,
    /// Distance between ticks.
    pub step: f64,
}

impl ValueAxis {
    /// An axis that shows every value in `values` with about `ticks` ticks.
    /// Bars need a zero baseline to be honest, so the axis always includes 0.
    pub fn for_values(values: impl IntoIterator<Item = f64>, ticks: usize) -> ValueAxis {
        let (mut lo, mut hi) = (0.0_f64, 0.0_f64);
        for v in values.into_iter().filter(|v| v.is_finite()) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        if hi == lo {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / ticks.max(1) as f64);
        let min = (lo / step).floor() * step;
        let mut max = (hi / step).ceil() * step;
        // Leave room above the tallest value for its label.
        if max - hi < step * 0.25 {
            max += step;
        }
        ValueAxis { min, max, step }
    }

    /// The tick values from `min` to `max` inclusive.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.max - self.min) / self.step).round() as usize;
        (0..=n.min(100))
            .map(|i| self.min + i as f64 * self.step)
            .collect()
    }
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ that is at least `raw`.
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    // The largest power of ten not above `raw`, found by multiplying:
    // `powf` and `log10` would link libm's pow and log10 (~3 KB of WASM).
    // Powers up to 10²² are exact, so `mag` is what `powf` gave there.
    let mut p = 1.0_f64;
    let mag = if raw >= 1.0 {
        while p * 10.0 <= raw {
            p *= 10.0;
        }
        p
    } else {
        // (Bounded so that subnormal input still gives a non-zero step.)
        while raw * p < 1.0 && p < 1e300 {
            p *= 10.0;
        }
        1.0 / p
    };
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 2.5 {
        2.5
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(130.0), 200.0);
        assert_eq!(nice_step(110.0), 200.0);
        assert_eq!(nice_step(21.0), 25.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
        assert_eq!(nice_step(0.03), 0.05);
        assert_eq!(nice_step(0.1), 0.1);
        assert_eq!(nice_step(1000.0), 1000.0);
        assert!(nice_step(1e-320) > 0.0);
    }

    #[test]
    fn axis_covers_values_from_zero() {
        let a = ValueAxis::for_values([221.8, 550.0], 5);
        assert_eq!(a.min, 0.0);
        assert!(a.max >= 550.0);
        assert_eq!(a.step, 200.0);
        assert_eq!(a.ticks(), vec![0.0, 200.0, 400.0, 600.0]);
    }

    #[test]
    fn axis_handles_negatives_and_constants() {
        let a = ValueAxis::for_values([-5.0, 5.0], 4);
        assert!(a.min <= -5.0 && a.max >= 5.0);
        let b = ValueAxis::for_values([0.0], 4);
        assert!(b.max > b.min);
        let c = ValueAxis::for_values([1e300], 4);
        assert!(c.max.is_finite() && c.max >= 1e300);
    }
}
