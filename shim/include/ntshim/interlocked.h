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
 * Windows either.  InterlockedCompareExchange128 is not provided.
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

#endif /* _NTSHIM_INTERLOCKED_H */
