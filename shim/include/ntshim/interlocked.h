/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interlocked operations on plain LONG/LONG64/PVOID storage.
 *
 * Windows' Interlocked* work on any naturally aligned variable, not on a
 * special atomic type, so ntshim cannot use atomic_t.  Exchange and
 * CompareExchange map to the kernel's xchg()/cmpxchg(), which are fully
 * ordered (Documentation/atomic_t.txt) and instrumented for KASAN; the
 * arithmetic and bitwise forms use the compiler's __atomic builtins with
 * __ATOMIC_SEQ_CST, which the kernel also uses for plain storage and which
 * on x86 are single LOCK-prefixed instructions: full barriers, as Windows
 * documents for every Interlocked* call.
 *
 * Return values follow Microsoft's documentation and differ per function:
 *   Increment, Decrement, Add            the NEW value
 *   Exchange, ExchangeAdd, And, Or, Xor  the OLD value
 *   CompareExchange                      the OLD value (compare it with
 *                                        the comperand to see if it stored)
 * Arithmetic wraps around in two's complement as on Windows
 * (0x7fffffff + 1 == MINLONG); it is done on the unsigned type, so there
 * is no undefined behaviour.
 *
 * Operands must be naturally aligned; a misaligned LONG is not atomic on
 * Windows either.  InterlockedCompareExchange128() needs 16-byte alignment
 * (CMPXCHG16B faults otherwise): a misaligned one is reported and fails.
 *
 * The Acquire, Release and NoFence variants (below) use the __atomic
 * builtins with that memory order.  On x86-64 every LOCK-prefixed
 * instruction is a full barrier, so they compile to the same instruction
 * as the plain forms; the order only restrains the compiler, as on
 * Windows x64.
 */
#ifndef _NTSHIM_INTERLOCKED_H
#define _NTSHIM_INTERLOCKED_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <asm/barrier.h>
#include <ntshim/types.h>
#include <ntshim/spinlock.h>

/* One fully ordered read-modify-write on unsigned storage: returns OLD. */
#define __ntshim_fetch(op, ptr, val) __atomic_fetch_##op((ptr), (val), __ATOMIC_SEQ_CST)

/**
 * InterlockedIncrement() - atomically add one to a LONG
 * @Addend: the variable
 *
 * Return: the NEW value; MAXLONG wraps to MINLONG.
 */
static __always_inline LONG InterlockedIncrement(LONG volatile *Addend)
{
	return (LONG)(__ntshim_fetch(add, (ULONG volatile *)Addend, 1U) + 1U);
}

/**
 * InterlockedDecrement() - atomically subtract one from a LONG
 * @Addend: the variable
 *
 * Return: the NEW value; MINLONG wraps to MAXLONG.
 */
static __always_inline LONG InterlockedDecrement(LONG volatile *Addend)
{
	return (LONG)(__ntshim_fetch(sub, (ULONG volatile *)Addend, 1U) - 1U);
}

/**
 * InterlockedExchange() - atomically store a LONG
 * @Target: the variable
 * @Value:  the value to store
 *
 * Return: the OLD value.
 */
static __always_inline LONG InterlockedExchange(LONG volatile *Target, LONG Value)
{
	return xchg(Target, Value);
}

/**
 * InterlockedExchangeAdd() - atomically add to a LONG
 * @Addend: the variable
 * @Value:  the amount to add (may be negative)
 *
 * Return: the OLD value.
 */
static __always_inline LONG InterlockedExchangeAdd(LONG volatile *Addend, LONG Value)
{
	return (LONG)__ntshim_fetch(add, (ULONG volatile *)Addend, (ULONG)Value);
}

/**
 * InterlockedAdd() - atomically add to a LONG
 * @Addend: the variable
 * @Value:  the amount to add (may be negative)
 *
 * Return: the NEW value (unlike InterlockedExchangeAdd()).
 */
static __always_inline LONG InterlockedAdd(LONG volatile *Addend, LONG Value)
{
	return (LONG)(__ntshim_fetch(add, (ULONG volatile *)Addend, (ULONG)Value) +
		      (ULONG)Value);
}

/**
 * InterlockedCompareExchange() - store a LONG if it holds an expected value
 * @Destination: the variable
 * @ExChange:    the value to store
 * @Comperand:   the value *@Destination must hold for the store to happen
 *
 * Return: the OLD value; the store happened if it equals @Comperand.
 */
static __always_inline LONG InterlockedCompareExchange(LONG volatile *Destination,
						       LONG ExChange, LONG Comperand)
{
	return cmpxchg(Destination, Comperand, ExChange);
}

/**
 * InterlockedAnd() - atomically AND a LONG
 * @Destination: the variable
 * @Value:       the mask
 *
 * Return: the OLD value.
 */
static __always_inline LONG InterlockedAnd(LONG volatile *Destination, LONG Value)
{
	return (LONG)__ntshim_fetch(and, (ULONG volatile *)Destination, (ULONG)Value);
}

/**
 * InterlockedOr() - atomically OR a LONG
 * @Destination: the variable
 * @Value:       the bits to set
 *
 * Return: the OLD value.
 */
static __always_inline LONG InterlockedOr(LONG volatile *Destination, LONG Value)
{
	return (LONG)__ntshim_fetch(or, (ULONG volatile *)Destination, (ULONG)Value);
}

/**
 * InterlockedXor() - atomically XOR a LONG
 * @Destination: the variable
 * @Value:       the bits to flip
 *
 * Return: the OLD value.
 */
static __always_inline LONG InterlockedXor(LONG volatile *Destination, LONG Value)
{
	return (LONG)__ntshim_fetch(xor, (ULONG volatile *)Destination, (ULONG)Value);
}

/**
 * InterlockedBitTestAndSet() - atomically set one bit of a bit string
 * @Base:   the bit string (LONG array)
 * @Offset: bit number; may exceed 31 to address following LONGs
 *
 * Return: the bit's OLD value (0 or 1).
 */
static __always_inline BOOLEAN InterlockedBitTestAndSet(LONG volatile *Base, LONG Offset)
{
	ULONG mask = 1U << (Offset & 31);

	return !!(__ntshim_fetch(or, (ULONG volatile *)&Base[Offset >> 5], mask) & mask);
}

/**
 * InterlockedBitTestAndReset() - atomically clear one bit of a bit string
 * @Base:   the bit string (LONG array)
 * @Offset: bit number; may exceed 31 to address following LONGs
 *
 * Return: the bit's OLD value (0 or 1).
 */
static __always_inline BOOLEAN InterlockedBitTestAndReset(LONG volatile *Base, LONG Offset)
{
	ULONG mask = 1U << (Offset & 31);

	return !!(__ntshim_fetch(and, (ULONG volatile *)&Base[Offset >> 5], ~mask) & mask);
}

/* 64-bit forms */

/**
 * InterlockedIncrement64() - atomically add one to a LONG64
 * @Addend: the variable
 *
 * Return: the NEW value.
 */
static __always_inline LONG64 InterlockedIncrement64(LONG64 volatile *Addend)
{
	return (LONG64)(__ntshim_fetch(add, (ULONG64 volatile *)Addend, 1ULL) + 1ULL);
}

/**
 * InterlockedDecrement64() - atomically subtract one from a LONG64
 * @Addend: the variable
 *
 * Return: the NEW value.
 */
static __always_inline LONG64 InterlockedDecrement64(LONG64 volatile *Addend)
{
	return (LONG64)(__ntshim_fetch(sub, (ULONG64 volatile *)Addend, 1ULL) - 1ULL);
}

/**
 * InterlockedExchange64() - atomically store a LONG64
 * @Target: the variable
 * @Value:  the value to store
 *
 * Return: the OLD value.
 */
static __always_inline LONG64 InterlockedExchange64(LONG64 volatile *Target, LONG64 Value)
{
	return xchg(Target, Value);
}

/**
 * InterlockedExchangeAdd64() - atomically add to a LONG64
 * @Addend: the variable
 * @Value:  the amount to add
 *
 * Return: the OLD value.
 */
static __always_inline LONG64 InterlockedExchangeAdd64(LONG64 volatile *Addend, LONG64 Value)
{
	return (LONG64)__ntshim_fetch(add, (ULONG64 volatile *)Addend, (ULONG64)Value);
}

/**
 * InterlockedAdd64() - atomically add to a LONG64
 * @Addend: the variable
 * @Value:  the amount to add
 *
 * Return: the NEW value.
 */
static __always_inline LONG64 InterlockedAdd64(LONG64 volatile *Addend, LONG64 Value)
{
	return (LONG64)(__ntshim_fetch(add, (ULONG64 volatile *)Addend, (ULONG64)Value) +
			(ULONG64)Value);
}

/**
 * InterlockedCompareExchange64() - store a LONG64 if it holds an expected value
 * @Destination: the variable
 * @ExChange:    the value to store
 * @Comperand:   the value *@Destination must hold for the store to happen
 *
 * Return: the OLD value.
 */
static __always_inline LONG64 InterlockedCompareExchange64(LONG64 volatile *Destination,
							   LONG64 ExChange, LONG64 Comperand)
{
	return cmpxchg(Destination, Comperand, ExChange);
}

/**
 * InterlockedAnd64() - atomically AND a LONG64
 * @Destination: the variable
 * @Value:       the mask
 *
 * Return: the OLD value.
 */
static __always_inline LONG64 InterlockedAnd64(LONG64 volatile *Destination, LONG64 Value)
{
	return (LONG64)__ntshim_fetch(and, (ULONG64 volatile *)Destination, (ULONG64)Value);
}

/**
 * InterlockedOr64() - atomically OR a LONG64
 * @Destination: the variable
 * @Value:       the bits to set
 *
 * Return: the OLD value.
 */
static __always_inline LONG64 InterlockedOr64(LONG64 volatile *Destination, LONG64 Value)
{
	return (LONG64)__ntshim_fetch(or, (ULONG64 volatile *)Destination, (ULONG64)Value);
}

/**
 * InterlockedXor64() - atomically XOR a LONG64
 * @Destination: the variable
 * @Value:       the bits to flip
 *
 * Return: the OLD value.
 */
static __always_inline LONG64 InterlockedXor64(LONG64 volatile *Destination, LONG64 Value)
{
	return (LONG64)__ntshim_fetch(xor, (ULONG64 volatile *)Destination, (ULONG64)Value);
}

/* 16- and 8-bit forms */

/**
 * InterlockedIncrement16() - atomically add one to a SHORT
 * @Addend: the variable
 *
 * Return: the NEW value.
 */
static __always_inline SHORT InterlockedIncrement16(SHORT volatile *Addend)
{
	return (SHORT)(__ntshim_fetch(add, (USHORT volatile *)Addend, (USHORT)1) + 1U);
}

/**
 * InterlockedDecrement16() - atomically subtract one from a SHORT
 * @Addend: the variable
 *
 * Return: the NEW value.
 */
static __always_inline SHORT InterlockedDecrement16(SHORT volatile *Addend)
{
	return (SHORT)(__ntshim_fetch(sub, (USHORT volatile *)Addend, (USHORT)1) - 1U);
}

/**
 * InterlockedCompareExchange16() - store a SHORT if it holds an expected value
 * @Destination: the variable
 * @ExChange:    the value to store
 * @Comperand:   the value *@Destination must hold for the store to happen
 *
 * Return: the OLD value.
 */
static __always_inline SHORT InterlockedCompareExchange16(SHORT volatile *Destination,
							  SHORT ExChange, SHORT Comperand)
{
	return cmpxchg(Destination, Comperand, ExChange);
}

/**
 * InterlockedExchange16() - atomically store a SHORT
 * @Target: the variable
 * @Value:  the value to store
 *
 * Return: the OLD value.
 */
static __always_inline SHORT InterlockedExchange16(SHORT volatile *Target, SHORT Value)
{
	return xchg(Target, Value);
}

/**
 * InterlockedExchange8() - atomically store a CHAR
 * @Target: the variable
 * @Value:  the value to store
 *
 * Return: the OLD value.
 */
static __always_inline CHAR InterlockedExchange8(CHAR volatile *Target, CHAR Value)
{
	return xchg(Target, Value);
}

/**
 * InterlockedAnd8() - atomically AND a CHAR
 * @Destination: the variable
 * @Value:       the mask
 *
 * Return: the OLD value.
 */
static __always_inline CHAR InterlockedAnd8(CHAR volatile *Destination, CHAR Value)
{
	return (CHAR)__ntshim_fetch(and, (UCHAR volatile *)Destination, (UCHAR)Value);
}

/**
 * InterlockedOr8() - atomically OR a CHAR
 * @Destination: the variable
 * @Value:       the bits to set
 *
 * Return: the OLD value.
 */
static __always_inline CHAR InterlockedOr8(CHAR volatile *Destination, CHAR Value)
{
	return (CHAR)__ntshim_fetch(or, (UCHAR volatile *)Destination, (UCHAR)Value);
}

/**
 * InterlockedXor8() - atomically XOR a CHAR
 * @Destination: the variable
 * @Value:       the bits to flip
 *
 * Return: the OLD value.
 */
static __always_inline CHAR InterlockedXor8(CHAR volatile *Destination, CHAR Value)
{
	return (CHAR)__ntshim_fetch(xor, (UCHAR volatile *)Destination, (UCHAR)Value);
}

/* Pointer forms */

/**
 * InterlockedExchangePointer() - atomically store a pointer
 * @Target: the pointer variable
 * @Value:  the pointer to store
 *
 * Return: the OLD pointer.
 */
static __always_inline PVOID InterlockedExchangePointer(PVOID volatile *Target, PVOID Value)
{
	return xchg(Target, Value);
}

/**
 * InterlockedCompareExchangePointer() - store a pointer if it holds an expected one
 * @Destination: the pointer variable
 * @ExChange:    the pointer to store
 * @Comperand:   the pointer *@Destination must hold for the store to happen
 *
 * Return: the OLD pointer.
 */
static __always_inline PVOID InterlockedCompareExchangePointer(PVOID volatile *Destination,
							       PVOID ExChange, PVOID Comperand)
{
	return cmpxchg(Destination, Comperand, ExChange);
}

/**
 * InterlockedExchangeAddSizeT() - atomically add to a SIZE_T
 * @Addend: the variable
 * @Value:  the amount to add
 *
 * Return: the OLD value.
 */
static __always_inline SIZE_T InterlockedExchangeAddSizeT(SIZE_T volatile *Addend, SIZE_T Value)
{
	return __ntshim_fetch(add, Addend, Value);
}

/**
 * InterlockedIncrementSizeT() - atomically add one to a SIZE_T
 * @Addend: the variable
 *
 * Return: the NEW value.
 */
static __always_inline SIZE_T InterlockedIncrementSizeT(SIZE_T volatile *Addend)
{
	return __ntshim_fetch(add, Addend, 1UL) + 1UL;
}

/**
 * InterlockedDecrementSizeT() - atomically subtract one from a SIZE_T
 * @Addend: the variable
 *
 * Return: the NEW value.
 */
static __always_inline SIZE_T InterlockedDecrementSizeT(SIZE_T volatile *Addend)
{
	return __ntshim_fetch(sub, Addend, 1UL) - 1UL;
}

/* Spin-lock based forms: atomic only against other users of @Lock. */

/**
 * ExInterlockedAddUlong() - add to a ULONG under a spin lock
 * @Addend:    the variable
 * @Increment: the amount to add (wraps around)
 * @Lock:      the spin lock every updater of @Addend uses
 *
 * Safe at any IRQL up to HIGH_LEVEL (interrupts are disabled inside).
 *
 * Return: the OLD value.
 */
static inline ULONG ExInterlockedAddUlong(PULONG Addend, ULONG Increment, PKSPIN_LOCK Lock)
{
	unsigned long flags;
	ULONG old;

	spin_lock_irqsave(&Lock->Lock, flags);
	old = *Addend;
	*Addend = old + Increment;
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return old;
}

/**
 * ExInterlockedAddLargeInteger() - add to a LARGE_INTEGER under a spin lock
 * @Addend:    the variable
 * @Increment: the amount to add (wraps around)
 * @Lock:      the spin lock every updater of @Addend uses
 *
 * Return: the OLD value.
 */
static inline LARGE_INTEGER ExInterlockedAddLargeInteger(PLARGE_INTEGER Addend,
							 LARGE_INTEGER Increment,
							 PKSPIN_LOCK Lock)
{
	unsigned long flags;
	LARGE_INTEGER old;

	spin_lock_irqsave(&Lock->Lock, flags);
	old = *Addend;
	Addend->QuadPart = (LONGLONG)((ULONGLONG)old.QuadPart +
				      (ULONGLONG)Increment.QuadPart);
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return old;
}

/**
 * ExInterlockedAddLargeStatistic() - atomically add a ULONG to a LARGE_INTEGER
 * @Addend:    the counter
 * @Increment: the amount to add
 *
 * One LOCK-prefixed add on x86-64, as on Windows.
 */
static __always_inline void ExInterlockedAddLargeStatistic(PLARGE_INTEGER Addend,
							   ULONG Increment)
{
	__ntshim_fetch(add, (ULONG64 volatile *)&Addend->QuadPart, (ULONG64)Increment);
}

/* Barriers and fenceless accesses */

/**
 * KeMemoryBarrier() - full memory barrier (smp_mb())
 */
#define KeMemoryBarrier() smp_mb()

/**
 * KeMemoryBarrierWithoutFence() - compiler-only barrier
 */
#define KeMemoryBarrierWithoutFence() barrier()

/**
 * MemoryBarrier() - full memory barrier (smp_mb())
 */
#define MemoryBarrier() smp_mb()

/**
 * _ReadWriteBarrier() - compiler-only barrier
 */
#define _ReadWriteBarrier() barrier()

/**
 * ReadNoFence() - read a LONG once, no ordering (READ_ONCE())
 * @Source: the variable
 */
#define ReadNoFence(Source) ((LONG)READ_ONCE(*(Source)))

/**
 * ReadNoFence8() - read a CHAR once, no ordering
 * @Source: the variable
 */
#define ReadNoFence8(Source) ((CHAR)READ_ONCE(*(Source)))

/**
 * ReadNoFence16() - read a SHORT once, no ordering
 * @Source: the variable
 */
#define ReadNoFence16(Source) ((SHORT)READ_ONCE(*(Source)))

/**
 * ReadNoFence64() - read a LONG64 once, no ordering
 * @Source: the variable
 */
#define ReadNoFence64(Source) ((LONG64)READ_ONCE(*(Source)))

/**
 * ReadPointerNoFence() - read a pointer once, no ordering
 * @Source: the pointer variable
 */
#define ReadPointerNoFence(Source) ((PVOID)READ_ONCE(*(Source)))

/**
 * WriteNoFence() - write a LONG once, no ordering (WRITE_ONCE())
 * @Destination: the variable
 * @Value:       the value
 */
#define WriteNoFence(Destination, Value) WRITE_ONCE(*(Destination), (LONG)(Value))

/**
 * WriteNoFence8() - write a CHAR once, no ordering
 * @Destination: the variable
 * @Value:       the value
 */
#define WriteNoFence8(Destination, Value) WRITE_ONCE(*(Destination), (CHAR)(Value))

/**
 * WriteNoFence16() - write a SHORT once, no ordering
 * @Destination: the variable
 * @Value:       the value
 */
#define WriteNoFence16(Destination, Value) WRITE_ONCE(*(Destination), (SHORT)(Value))

/**
 * WriteNoFence64() - write a LONG64 once, no ordering
 * @Destination: the variable
 * @Value:       the value
 */
#define WriteNoFence64(Destination, Value) WRITE_ONCE(*(Destination), (LONG64)(Value))

/**
 * WritePointerNoFence() - write a pointer once, no ordering
 * @Destination: the pointer variable
 * @Value:       the pointer
 */
#define WritePointerNoFence(Destination, Value) WRITE_ONCE(*(Destination), (PVOID)(Value))

/**
 * ReadAcquire() - read a LONG with acquire ordering (smp_load_acquire())
 * @Source: the variable
 */
#define ReadAcquire(Source) ((LONG)smp_load_acquire(Source))

/**
 * ReadAcquire64() - read a LONG64 with acquire ordering
 * @Source: the variable
 */
#define ReadAcquire64(Source) ((LONG64)smp_load_acquire(Source))

/**
 * ReadPointerAcquire() - read a pointer with acquire ordering
 * @Source: the pointer variable
 */
#define ReadPointerAcquire(Source) ((PVOID)smp_load_acquire(Source))

/**
 * WriteRelease() - write a LONG with release ordering (smp_store_release())
 * @Destination: the variable
 * @Value:       the value
 */
#define WriteRelease(Destination, Value) smp_store_release(Destination, (LONG)(Value))

/**
 * WriteRelease64() - write a LONG64 with release ordering
 * @Destination: the variable
 * @Value:       the value
 */
#define WriteRelease64(Destination, Value) smp_store_release(Destination, (LONG64)(Value))

/**
 * WritePointerRelease() - write a pointer with release ordering
 * @Destination: the pointer variable
 * @Value:       the pointer
 */
#define WritePointerRelease(Destination, Value) smp_store_release(Destination, (PVOID)(Value))

/*
 * DOC: Interlocked*Acquire, *Release, *NoFence
 *
 * Generated below for LONG and LONG64, with Microsoft's names and return
 * values (the same as the plain form's):
 *
 *   LONG                                 LONG64
 *   InterlockedIncrement{S}    NEW       InterlockedIncrement{S}64   NEW
 *   InterlockedDecrement{S}    NEW       InterlockedDecrement{S}64   NEW
 *   InterlockedAdd{S}          NEW       InterlockedAdd{S}64         NEW
 *   InterlockedExchange{S}     OLD       InterlockedExchange{S}64    OLD
 *   InterlockedExchangeAdd{S}  OLD       InterlockedExchangeAdd{S}64 OLD
 *   InterlockedCompareExchange{S} OLD    InterlockedCompareExchange{S}64
 *   InterlockedAnd{S}, Or{S}, Xor{S} OLD InterlockedAnd64{S}, Or64{S},
 *                                        Xor64{S}                    OLD
 *
 * for {S} = Acquire, Release and NoFence; and the pointer forms
 * InterlockedCompareExchangePointer{S}, InterlockedExchangePointer{Acquire,
 * NoFence}.  Arithmetic wraps around as for the plain forms.
 */

/* the order of a successful compare-exchange -> the order when it fails */
#define __ntshim_fail_order(ord)                                              \
	((ord) == __ATOMIC_RELEASE ? __ATOMIC_RELAXED :                        \
	 (ord) == __ATOMIC_ACQ_REL ? __ATOMIC_ACQUIRE : (ord))

/* One family of ordered forms for a signed type T over unsigned U. */
#define __NTSHIM_INTERLOCKED_ORDERED(T, U, inc, dec, add, xadd, xchg, cmpxchg, \
				     and, or, xor, ord)                        \
static __always_inline T inc(T volatile *Addend)                              \
{                                                                             \
	return (T)(__atomic_fetch_add((U volatile *)Addend, (U)1, ord) + (U)1); \
}                                                                             \
static __always_inline T dec(T volatile *Addend)                              \
{                                                                             \
	return (T)(__atomic_fetch_sub((U volatile *)Addend, (U)1, ord) - (U)1); \
}                                                                             \
static __always_inline T add(T volatile *Addend, T Value)                     \
{                                                                             \
	return (T)(__atomic_fetch_add((U volatile *)Addend, (U)Value, ord) +    \
		   (U)Value);                                                  \
}                                                                             \
static __always_inline T xadd(T volatile *Addend, T Value)                    \
{                                                                             \
	return (T)__atomic_fetch_add((U volatile *)Addend, (U)Value, ord);      \
}                                                                             \
static __always_inline T xchg(T volatile *Target, T Value)                    \
{                                                                             \
	return (T)__atomic_exchange_n((U volatile *)Target, (U)Value, ord);     \
}                                                                             \
static __always_inline T cmpxchg(T volatile *Destination, T ExChange,         \
				 T Comperand)                                 \
{                                                                             \
	U old = (U)Comperand;                                                 \
									      \
	__atomic_compare_exchange_n((U volatile *)Destination, &old,          \
				    (U)ExChange, false, ord,                  \
				    __ntshim_fail_order(ord));                \
	return (T)old;                                                        \
}                                                                             \
static __always_inline T and(T volatile *Destination, T Value)               \
{                                                                             \
	return (T)__atomic_fetch_and((U volatile *)Destination, (U)Value, ord); \
}                                                                             \
static __always_inline T or(T volatile *Destination, T Value)                \
{                                                                             \
	return (T)__atomic_fetch_or((U volatile *)Destination, (U)Value, ord);  \
}                                                                             \
static __always_inline T xor(T volatile *Destination, T Value)               \
{                                                                             \
	return (T)__atomic_fetch_xor((U volatile *)Destination, (U)Value, ord); \
}

#define __NTSHIM_INTERLOCKED_32(S, ord)                                       \
	__NTSHIM_INTERLOCKED_ORDERED(LONG, ULONG, InterlockedIncrement##S,    \
				     InterlockedDecrement##S,                 \
				     InterlockedAdd##S,                       \
				     InterlockedExchangeAdd##S,               \
				     InterlockedExchange##S,                  \
				     InterlockedCompareExchange##S,           \
				     InterlockedAnd##S, InterlockedOr##S,     \
				     InterlockedXor##S, ord)

#define __NTSHIM_INTERLOCKED_64(S, ord)                                       \
	__NTSHIM_INTERLOCKED_ORDERED(LONG64, ULONG64,                          \
				     InterlockedIncrement##S##64,             \
				     InterlockedDecrement##S##64,             \
				     InterlockedAdd##S##64,                   \
				     InterlockedExchangeAdd##S##64,           \
				     InterlockedExchange##S##64,              \
				     InterlockedCompareExchange##S##64,       \
				     InterlockedAnd64##S, InterlockedOr64##S, \
				     InterlockedXor64##S, ord)

__NTSHIM_INTERLOCKED_32(Acquire, __ATOMIC_ACQUIRE)
__NTSHIM_INTERLOCKED_32(Release, __ATOMIC_RELEASE)
__NTSHIM_INTERLOCKED_32(NoFence, __ATOMIC_RELAXED)
__NTSHIM_INTERLOCKED_64(Acquire, __ATOMIC_ACQUIRE)
__NTSHIM_INTERLOCKED_64(Release, __ATOMIC_RELEASE)
__NTSHIM_INTERLOCKED_64(NoFence, __ATOMIC_RELAXED)

#undef __NTSHIM_INTERLOCKED_32
#undef __NTSHIM_INTERLOCKED_64
#undef __NTSHIM_INTERLOCKED_ORDERED

/* Pointer forms with an order: same return values as the plain forms. */
#define __NTSHIM_CMPXCHG_POINTER(name, ord)                                   \
static __always_inline PVOID name(PVOID volatile *Destination, PVOID ExChange, \
				  PVOID Comperand)                            \
{                                                                             \
	PVOID old = Comperand;                                                \
									      \
	__atomic_compare_exchange_n(Destination, &old, ExChange, false, ord,  \
				    __ntshim_fail_order(ord));                \
	return old;                                                           \
}

__NTSHIM_CMPXCHG_POINTER(InterlockedCompareExchangePointerAcquire, __ATOMIC_ACQUIRE)
__NTSHIM_CMPXCHG_POINTER(InterlockedCompareExchangePointerRelease, __ATOMIC_RELEASE)
__NTSHIM_CMPXCHG_POINTER(InterlockedCompareExchangePointerNoFence, __ATOMIC_RELAXED)
#undef __NTSHIM_CMPXCHG_POINTER

/**
 * InterlockedExchangePointerAcquire() - atomically store a pointer, acquire order
 * @Target: the pointer variable
 * @Value:  the pointer to store
 *
 * Return: the OLD pointer.
 */
static __always_inline PVOID InterlockedExchangePointerAcquire(PVOID volatile *Target,
							       PVOID Value)
{
	return __atomic_exchange_n(Target, Value, __ATOMIC_ACQUIRE);
}

/**
 * InterlockedExchangePointerNoFence() - atomically store a pointer, no ordering
 * @Target: the pointer variable
 * @Value:  the pointer to store
 *
 * Return: the OLD pointer.
 */
static __always_inline PVOID InterlockedExchangePointerNoFence(PVOID volatile *Target,
							       PVOID Value)
{
	return __atomic_exchange_n(Target, Value, __ATOMIC_RELAXED);
}

/**
 * ntshim_cmpxchg128() - InterlockedCompareExchange128()'s body
 * @Destination:     16-byte aligned pair of LONG64
 * @ExchangeHigh:    new Destination[1]
 * @ExchangeLow:     new Destination[0]
 * @ComparandResult: the expected pair in, the found pair out
 * @caller:          the caller's code address, for a misalignment report
 *
 * Use InterlockedCompareExchange128().
 *
 * Return: TRUE if the pair was replaced.
 */
BOOLEAN ntshim_cmpxchg128(LONG64 volatile *Destination, LONG64 ExchangeHigh,
			  LONG64 ExchangeLow, LONG64 *ComparandResult,
			  unsigned long caller);

/**
 * InterlockedCompareExchange128() - 16-byte compare-and-exchange
 * @Destination:     two LONG64s, 16-byte aligned: [0] low, [1] high
 * @ExchangeHigh:    the high half to store
 * @ExchangeLow:     the low half to store
 * @ComparandResult: in: the expected low/high pair; out: the pair that
 *                   was in @Destination before the call (always written)
 *
 * CMPXCHG16B (the kernel's try_cmpxchg128(), or cmpxchg_double() before
 * Linux 6.6), fully ordered.  A @Destination that is not 16-byte aligned
 * would fault on x86-64: it is reported (SYNC_BAD_ARGUMENT), nothing is stored,
 * @ComparandResult is left alone, and the call returns FALSE.
 *
 * Return: TRUE if @Destination equalled @ComparandResult and now holds
 * the exchange pair, FALSE otherwise.
 */
static __always_inline BOOLEAN InterlockedCompareExchange128(LONG64 volatile *Destination,
							     LONG64 ExchangeHigh,
							     LONG64 ExchangeLow,
							     LONG64 *ComparandResult)
{
	return ntshim_cmpxchg128(Destination, ExchangeHigh, ExchangeLow,
				 ComparandResult, _THIS_IP_);
}

/**
 * ExInterlockedCompareExchange64() - compare-and-exchange a LONGLONG
 * @Destination: the variable
 * @ExChange:    points to the value to store
 * @Comperand:   points to the value *@Destination must hold
 * @Lock:        unused on x86-64, where one CMPXCHG does it (as on
 *               Windows x64); may be NULL
 *
 * Return: the OLD value of *@Destination.
 */
static __always_inline LONGLONG ExInterlockedCompareExchange64(LONGLONG volatile *Destination,
							       PLONGLONG ExChange,
							       PLONGLONG Comperand,
							       PKSPIN_LOCK Lock)
{
	return cmpxchg(Destination, *Comperand, *ExChange);
}

/*
 * DOC: Read{Type}{,Acquire,NoFence,Raw} and Write{Type}{,Release,NoFence,Raw}
 *
 * wdm.h's typed single accesses, for Type in UChar, Char, Boolean, UShort,
 * Short, ULong, Long, ULong64, Long64, SizeT, ULongPtr and LongPtr:
 *
 *   Read{Type}(Source), Read{Type}Acquire()   smp_load_acquire()
 *   Read{Type}NoFence()                       READ_ONCE()
 *   Read{Type}Raw()                           a plain C read
 *   Write{Type}(Dest, Value), Write{Type}Release()  smp_store_release()
 *   Write{Type}NoFence()                      WRITE_ONCE()
 *   Write{Type}Raw()                          a plain C write
 *
 * The unsuffixed forms have acquire/release order, as volatile accesses
 * have with Microsoft's x64 compiler.  ReadPointerRaw()/WritePointerRaw()
 * complete the pointer forms above (ReadPointerAcquire() and friends).
 */
#define __NTSHIM_READ_WRITE(Name, T)                                          \
static __always_inline T Read##Name(T const volatile *Source)                 \
{                                                                             \
	/* acquire: later accesses stay after the read */                     \
	return smp_load_acquire(Source);                                      \
}                                                                             \
static __always_inline T Read##Name##Acquire(T const volatile *Source)        \
{                                                                             \
	/* acquire: later accesses stay after the read */                     \
	return smp_load_acquire(Source);                                      \
}                                                                             \
static __always_inline T Read##Name##NoFence(T const volatile *Source)        \
{                                                                             \
	return READ_ONCE(*Source);                                            \
}                                                                             \
static __always_inline T Read##Name##Raw(T const volatile *Source)            \
{                                                                             \
	return *(const T *)Source;                                            \
}                                                                             \
static __always_inline void Write##Name(T volatile *Destination, T Value)     \
{                                                                             \
	/* release: earlier accesses stay before the write */                 \
	smp_store_release(Destination, Value);                                \
}                                                                             \
static __always_inline void Write##Name##Release(T volatile *Destination,     \
						 T Value)                     \
{                                                                             \
	/* release: earlier accesses stay before the write */                 \
	smp_store_release(Destination, Value);                                \
}                                                                             \
static __always_inline void Write##Name##NoFence(T volatile *Destination,     \
						 T Value)                     \
{                                                                             \
	WRITE_ONCE(*Destination, Value);                                      \
}                                                                             \
static __always_inline void Write##Name##Raw(T volatile *Destination, T Value) \
{                                                                             \
	*(T *)Destination = Value;                                            \
}

__NTSHIM_READ_WRITE(UChar, UCHAR)
__NTSHIM_READ_WRITE(Char, CHAR)
__NTSHIM_READ_WRITE(Boolean, BOOLEAN)
__NTSHIM_READ_WRITE(UShort, USHORT)
__NTSHIM_READ_WRITE(Short, SHORT)
__NTSHIM_READ_WRITE(ULong, ULONG)
__NTSHIM_READ_WRITE(Long, LONG)
__NTSHIM_READ_WRITE(ULong64, ULONG64)
__NTSHIM_READ_WRITE(Long64, LONG64)
__NTSHIM_READ_WRITE(SizeT, SIZE_T)
__NTSHIM_READ_WRITE(ULongPtr, ULONG_PTR)
__NTSHIM_READ_WRITE(LongPtr, LONG_PTR)
#undef __NTSHIM_READ_WRITE

/**
 * ReadPointerRaw() - read a pointer with a plain C access
 * @Source: the pointer variable
 *
 * Return: the pointer.
 */
static __always_inline PVOID ReadPointerRaw(PVOID const volatile *Source)
{
	return *(PVOID const *)Source;
}

/**
 * WritePointerRaw() - write a pointer with a plain C access
 * @Destination: the pointer variable
 * @Value:       the pointer
 */
static __always_inline void WritePointerRaw(PVOID volatile *Destination, PVOID Value)
{
	*(PVOID *)Destination = Value;
}

#endif /* _NTSHIM_INTERLOCKED_H */
