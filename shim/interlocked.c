// SPDX-License-Identifier: GPL-2.0
/*
 * InterlockedCompareExchange128(): CMPXCHG16B through the kernel's
 * try_cmpxchg128() (Linux 6.6 and later) or cmpxchg_double() (before).
 * Every other Interlocked* call is inline in ntshim/interlocked.h.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <ntshim/interlocked.h>
#include <ntshim/violation.h>

#if defined(system_has_cmpxchg128)
#define have_cas() system_has_cmpxchg128()
#elif defined(system_has_cmpxchg_double)	/* before Linux 6.6 */
#define have_cas() system_has_cmpxchg_double()
#else
#define have_cas() false
#endif

/* A CPU without CMPXCHG16B: one lock, atomic against other ntshim callers. */
static DEFINE_RAW_SPINLOCK(cmpxchg128_lock);

static bool cmpxchg128_locked(LONG64 volatile *d, LONG64 hi, LONG64 lo, LONG64 *cmp)
{
	unsigned long flags;
	LONG64 old_lo, old_hi;
	bool ok;

	raw_spin_lock_irqsave(&cmpxchg128_lock, flags);
	old_lo = d[0];
	old_hi = d[1];
	ok = old_lo == cmp[0] && old_hi == cmp[1];
	if (ok) {
		d[0] = lo;
		d[1] = hi;
	}
	raw_spin_unlock_irqrestore(&cmpxchg128_lock, flags);
	cmp[0] = old_lo;
	cmp[1] = old_hi;
	return ok;
}

static bool cmpxchg128_cas(LONG64 volatile *d, LONG64 hi, LONG64 lo, LONG64 *cmp)
{
#if defined(system_has_cmpxchg128)
	u128 old = ((u128)(u64)cmp[1] << 64) | (u64)cmp[0];
	u128 new = ((u128)(u64)hi << 64) | (u64)lo;
	bool ok = try_cmpxchg128((u128 *)d, &old, new);

	cmp[0] = (LONG64)(u64)old;
	cmp[1] = (LONG64)(u64)(old >> 64);
	return ok;
#elif defined(system_has_cmpxchg_double)
	u64 *p = (u64 *)d;
	u64 old_lo, old_hi;

	if (cmpxchg_double(&p[0], &p[1], (u64)cmp[0], (u64)cmp[1], (u64)lo, (u64)hi))
		return true;
	/* read the pair atomically: store back what is there */
	do {
		old_lo = READ_ONCE(p[0]);
		old_hi = READ_ONCE(p[1]);
	} while (!cmpxchg_double(&p[0], &p[1], old_lo, old_hi, old_lo, old_hi));
	cmp[0] = (LONG64)old_lo;
	cmp[1] = (LONG64)old_hi;
	return false;
#else
	return cmpxchg128_locked(d, hi, lo, cmp);
#endif
}

BOOLEAN ntshim_cmpxchg128(LONG64 volatile *Destination, LONG64 ExchangeHigh,
			  LONG64 ExchangeLow, LONG64 *ComparandResult,
			  unsigned long caller)
{
	if (unlikely((unsigned long)Destination & 15)) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_ARGUMENT, 0, (void *)Destination,
				 caller,
				 "InterlockedCompareExchange128 on an address that is not 16-byte aligned, refused");
		return FALSE;
	}
	if (have_cas())
		return cmpxchg128_cas(Destination, ExchangeHigh, ExchangeLow,
				      ComparandResult);
	return cmpxchg128_locked(Destination, ExchangeHigh, ExchangeLow,
				 ComparandResult);
}
EXPORT_SYMBOL_GPL(ntshim_cmpxchg128);
