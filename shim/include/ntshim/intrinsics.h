/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MSVC compiler intrinsics DDK code calls: __cpuid, _BitScanForward,
 * __popcnt, _rotl, _byteswap_ulong, __rdtsc, __readmsr, _ReturnAddress,
 * __debugbreak, YieldProcessor and friends, with MSVC's signatures and
 * 64-bit Windows' types (unsigned long is ULONG, 32 bits).
 *
 * They are built from compiler builtins and inline assembly, with two
 * exported helpers (__readmsr() and __debugbreak()); this header includes
 * no Linux header beyond what ntshim's types.h pulls, so a DDK translation
 * unit sees only the Windows names.
 *
 * INCLUDE IT LAST.  Linux has a __cpuid() of its own with another
 * signature (asm/cpuid.h: a 4-pointer function, or an object-like macro
 * for native_cpuid without CONFIG_PARAVIRT_XXL).  This header #undefs it
 * and makes __cpuid(info, leaf) a function-like macro for
 * ntshim_cpuid(), so a Linux header included after this one that uses
 * or declares __cpuid breaks.  <ntshim/ntddk.h> includes it after every
 * Linux header it needs; code that includes more Linux headers must do
 * so before <ntshim/ntddk.h>.
 */
#ifndef _NTSHIM_INTRINSICS_H
#define _NTSHIM_INTRINSICS_H

#include <ntshim/types.h>

/**
 * ntshim_cpuidex() - MSVC's __cpuidex(): CPUID with a leaf and subleaf
 * @info:    receives EAX, EBX, ECX and EDX in that order
 * @leaf:    EAX input
 * @subleaf: ECX input
 *
 * Runs the instruction on the current CPU (per-CPU leaves such as the
 * APIC ID answer for whichever CPU the caller happens to run on).
 */
static __always_inline void ntshim_cpuidex(int info[4], int leaf,
					   int subleaf)
{
	unsigned int a, b, c, d;

	__asm__ __volatile__("cpuid"
			     : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
			     : "0"(leaf), "2"(subleaf));
	info[0] = (int)a;
	info[1] = (int)b;
	info[2] = (int)c;
	info[3] = (int)d;
}

/**
 * ntshim_cpuid() - MSVC's __cpuid(): CPUID with ECX 0
 * @info: receives EAX, EBX, ECX and EDX in that order
 * @leaf: EAX input
 */
static __always_inline void ntshim_cpuid(int info[4], int leaf)
{
	ntshim_cpuidex(info, leaf, 0);
}

#undef __cpuid
#undef __cpuidex
/**
 * __cpuid() - MSVC's CPUID intrinsic (see the top of this header)
 * @info: int[4] receiving EAX, EBX, ECX, EDX
 * @leaf: the leaf
 */
#define __cpuid(info, leaf) ntshim_cpuid((info), (leaf))
/**
 * __cpuidex() - MSVC's CPUID intrinsic with a subleaf
 * @info:    int[4] receiving EAX, EBX, ECX, EDX
 * @leaf:    the leaf
 * @subleaf: the subleaf (ECX)
 */
#define __cpuidex(info, leaf, subleaf) ntshim_cpuidex((info), (leaf), (subleaf))

/**
 * _BitScanForward() - index of the lowest set bit
 * @Index: receives the bit index when @Mask is not 0; else left unchanged
 * @Mask:  the value
 *
 * Return: 0 if @Mask is 0, else 1.
 */
static __always_inline unsigned char _BitScanForward(ULONG *Index, ULONG Mask)
{
	if (!Mask)
		return 0;
	*Index = (ULONG)__builtin_ctz(Mask);
	return 1;
}

/**
 * _BitScanReverse() - index of the highest set bit
 * @Index: receives the bit index when @Mask is not 0; else left unchanged
 * @Mask:  the value
 *
 * Return: 0 if @Mask is 0, else 1.
 */
static __always_inline unsigned char _BitScanReverse(ULONG *Index, ULONG Mask)
{
	if (!Mask)
		return 0;
	*Index = 31 - (ULONG)__builtin_clz(Mask);
	return 1;
}

/**
 * _BitScanForward64() - index of the lowest set bit of a 64-bit value
 * @Index: receives the bit index when @Mask is not 0; else left unchanged
 * @Mask:  the value
 *
 * Return: 0 if @Mask is 0, else 1.
 */
static __always_inline unsigned char _BitScanForward64(ULONG *Index,
						       ULONG64 Mask)
{
	if (!Mask)
		return 0;
	*Index = (ULONG)__builtin_ctzll(Mask);
	return 1;
}

/**
 * _BitScanReverse64() - index of the highest set bit of a 64-bit value
 * @Index: receives the bit index when @Mask is not 0; else left unchanged
 * @Mask:  the value
 *
 * Return: 0 if @Mask is 0, else 1.
 */
static __always_inline unsigned char _BitScanReverse64(ULONG *Index,
						       ULONG64 Mask)
{
	if (!Mask)
		return 0;
	*Index = 63 - (ULONG)__builtin_clzll(Mask);
	return 1;
}

/**
 * __popcnt16() - number of set bits in a 16-bit value
 * @value: the value
 *
 * Return: the number of 1 bits.
 */
static __always_inline USHORT __popcnt16(USHORT value)
{
	return (USHORT)__builtin_popcount(value);
}

/**
 * __popcnt() - number of set bits in a 32-bit value
 * @value: the value
 *
 * Return: the number of 1 bits.
 */
static __always_inline UINT __popcnt(UINT value)
{
	return (UINT)__builtin_popcount(value);
}

/**
 * __popcnt64() - number of set bits in a 64-bit value
 * @value: the value
 *
 * Return: the number of 1 bits.
 */
static __always_inline ULONG64 __popcnt64(ULONG64 value)
{
	return (ULONG64)__builtin_popcountll(value);
}

/**
 * __lzcnt16() - leading zero bits of a 16-bit value
 * @value: the value
 *
 * Return: 16 for 0, as the LZCNT instruction.
 */
static __always_inline USHORT __lzcnt16(USHORT value)
{
	return value ? (USHORT)(__builtin_clz(value) - 16) : 16;
}

/**
 * __lzcnt() - leading zero bits of a 32-bit value
 * @value: the value
 *
 * Return: 32 for 0, as the LZCNT instruction.
 */
static __always_inline UINT __lzcnt(UINT value)
{
	return value ? (UINT)__builtin_clz(value) : 32;
}

/**
 * __lzcnt64() - leading zero bits of a 64-bit value
 * @value: the value
 *
 * Return: 64 for 0, as the LZCNT instruction.
 */
static __always_inline ULONG64 __lzcnt64(ULONG64 value)
{
	return value ? (ULONG64)__builtin_clzll(value) : 64;
}

/**
 * _rotl() - rotate a 32-bit value left
 * @value: the value
 * @shift: bit count, taken modulo 32 (negative rotates right)
 *
 * Return: the rotated value.
 */
static __always_inline UINT _rotl(UINT value, int shift)
{
	unsigned int s = (unsigned int)shift & 31;

	return s ? (value << s) | (value >> (32 - s)) : value;
}

/**
 * _rotr() - rotate a 32-bit value right
 * @value: the value
 * @shift: bit count, taken modulo 32 (negative rotates left)
 *
 * Return: the rotated value.
 */
static __always_inline UINT _rotr(UINT value, int shift)
{
	unsigned int s = (unsigned int)shift & 31;

	return s ? (value >> s) | (value << (32 - s)) : value;
}

/**
 * _rotl64() - rotate a 64-bit value left
 * @value: the value
 * @shift: bit count, taken modulo 64
 *
 * Return: the rotated value.
 */
static __always_inline ULONG64 _rotl64(ULONG64 value, int shift)
{
	unsigned int s = (unsigned int)shift & 63;

	return s ? (value << s) | (value >> (64 - s)) : value;
}

/**
 * _rotr64() - rotate a 64-bit value right
 * @value: the value
 * @shift: bit count, taken modulo 64
 *
 * Return: the rotated value.
 */
static __always_inline ULONG64 _rotr64(ULONG64 value, int shift)
{
	unsigned int s = (unsigned int)shift & 63;

	return s ? (value >> s) | (value << (64 - s)) : value;
}

/**
 * _lrotl() - rotate an unsigned long (32 bits on Windows) left
 * @value: the value
 * @shift: bit count, taken modulo 32
 *
 * Return: the rotated value.
 */
static __always_inline ULONG _lrotl(ULONG value, int shift)
{
	return _rotl(value, shift);
}

/**
 * _lrotr() - rotate an unsigned long (32 bits on Windows) right
 * @value: the value
 * @shift: bit count, taken modulo 32
 *
 * Return: the rotated value.
 */
static __always_inline ULONG _lrotr(ULONG value, int shift)
{
	return _rotr(value, shift);
}

/**
 * _byteswap_ushort() - swap the bytes of a 16-bit value
 * @value: the value
 *
 * Return: the value with its bytes reversed.
 */
static __always_inline USHORT _byteswap_ushort(USHORT value)
{
	return __builtin_bswap16(value);
}

/**
 * _byteswap_ulong() - reverse the bytes of a 32-bit value
 * @value: the value
 *
 * Return: the value with its bytes reversed.
 */
static __always_inline ULONG _byteswap_ulong(ULONG value)
{
	return __builtin_bswap32(value);
}

/**
 * _byteswap_uint64() - reverse the bytes of a 64-bit value
 * @value: the value
 *
 * Return: the value with its bytes reversed.
 */
static __always_inline ULONG64 _byteswap_uint64(ULONG64 value)
{
	return __builtin_bswap64(value);
}

#ifndef RtlUshortByteSwap
#define RtlUshortByteSwap(Source) _byteswap_ushort(Source)
#define RtlUlongByteSwap(Source) _byteswap_ulong(Source)
#define RtlUlonglongByteSwap(Source) _byteswap_uint64(Source)
#endif

/**
 * _bittest() - the value of one bit of a bit string (not atomic)
 * @a: the bit string
 * @b: the bit number; may exceed 31 (indexes further LONGs)
 *
 * Return: the bit, 0 or 1.
 */
static __always_inline unsigned char _bittest(const LONG *a, LONG b)
{
	return (((const ULONG *)a)[b >> 5] >> (b & 31)) & 1;
}

/**
 * _bittestandset() - set one bit, return its old value (not atomic)
 * @a: the bit string
 * @b: the bit number
 *
 * Return: the bit's old value.
 */
static __always_inline unsigned char _bittestandset(LONG *a, LONG b)
{
	unsigned char old = _bittest(a, b);

	((ULONG *)a)[b >> 5] |= 1U << (b & 31);
	return old;
}

/**
 * _bittestandreset() - clear one bit, return its old value (not atomic)
 * @a: the bit string
 * @b: the bit number
 *
 * Return: the bit's old value.
 */
static __always_inline unsigned char _bittestandreset(LONG *a, LONG b)
{
	unsigned char old = _bittest(a, b);

	((ULONG *)a)[b >> 5] &= ~(1U << (b & 31));
	return old;
}

/**
 * _bittestandcomplement() - flip one bit, return its old value
 * @a: the bit string
 * @b: the bit number
 *
 * Return: the bit's old value.
 */
static __always_inline unsigned char _bittestandcomplement(LONG *a, LONG b)
{
	unsigned char old = _bittest(a, b);

	((ULONG *)a)[b >> 5] ^= 1U << (b & 31);
	return old;
}

/**
 * _bittest64() - the value of one bit of a 64-bit bit string
 * @a: the bit string
 * @b: the bit number
 *
 * Return: the bit, 0 or 1.
 */
static __always_inline unsigned char _bittest64(const LONG64 *a, LONG64 b)
{
	return (((const ULONG64 *)a)[b >> 6] >> (b & 63)) & 1;
}

/**
 * _bittestandset64() - set one bit of a 64-bit bit string (not atomic)
 * @a: the bit string
 * @b: the bit number
 *
 * Return: the bit's old value.
 */
static __always_inline unsigned char _bittestandset64(LONG64 *a, LONG64 b)
{
	unsigned char old = _bittest64(a, b);

	((ULONG64 *)a)[b >> 6] |= 1ULL << (b & 63);
	return old;
}

/**
 * _bittestandreset64() - clear one bit of a 64-bit bit string
 * @a: the bit string
 * @b: the bit number
 *
 * Return: the bit's old value.
 */
static __always_inline unsigned char _bittestandreset64(LONG64 *a, LONG64 b)
{
	unsigned char old = _bittest64(a, b);

	((ULONG64 *)a)[b >> 6] &= ~(1ULL << (b & 63));
	return old;
}

/**
 * _umul128() - full 128-bit product of two 64-bit values
 * @Multiplier:   first factor
 * @Multiplicand: second factor
 * @HighProduct:  receives the high 64 bits
 *
 * Return: the low 64 bits.
 */
static __always_inline ULONG64 _umul128(ULONG64 Multiplier,
					ULONG64 Multiplicand,
					ULONG64 *HighProduct)
{
	unsigned __int128 p = (unsigned __int128)Multiplier * Multiplicand;

	*HighProduct = (ULONG64)(p >> 64);
	return (ULONG64)p;
}

/**
 * _mul128() - full 128-bit signed product of two 64-bit values
 * @Multiplier:   first factor
 * @Multiplicand: second factor
 * @HighProduct:  receives the high 64 bits
 *
 * Return: the low 64 bits.
 */
static __always_inline LONG64 _mul128(LONG64 Multiplier, LONG64 Multiplicand,
				      LONG64 *HighProduct)
{
	__int128 p = (__int128)Multiplier * Multiplicand;

	*HighProduct = (LONG64)(p >> 64);
	return (LONG64)p;
}

/**
 * __rdtsc() - read the time-stamp counter
 *
 * Return: the TSC of the current CPU (not serialising, as MSVC's).
 */
static __always_inline ULONG64 __rdtsc(void)
{
	unsigned int lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((ULONG64)hi << 32) | lo;
}

/**
 * __rdtscp() - read the time-stamp counter and TSC_AUX
 * @AUX: receives IA32_TSC_AUX (Linux stores the CPU and node number there)
 *
 * Return: the TSC of the current CPU.
 */
static __always_inline ULONG64 __rdtscp(UINT *AUX)
{
	unsigned int lo, hi, aux;

	__asm__ __volatile__("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
	*AUX = aux;
	return ((ULONG64)hi << 32) | lo;
}

/**
 * ntshim_readmsr() - __readmsr()'s body
 * @reg: the MSR number
 *
 * Reads the MSR with the kernel's fault-safe rdmsr (rdmsrl_safe()).  An
 * MSR that does not exist faults, which on Windows is a bugcheck; here it
 * is reported as the violation intrinsic_bad_msr, naming the caller, and
 * reads as 0.
 *
 * Return: the MSR's value, or 0 after a fault.
 */
ULONG64 ntshim_readmsr(ULONG reg);

/**
 * __readmsr() - read a model-specific register
 * @reg: the MSR number
 *
 * See ntshim_readmsr().  Runs on whichever CPU the caller is on.
 */
#define __readmsr(reg) ntshim_readmsr(reg)

/**
 * ntshim_debugbreak() - __debugbreak()'s and DbgBreakPoint()'s body
 *
 * There is no kernel debugger to break into and an int3 would oops the
 * kernel, so the breakpoint is reported as the violation debug_break
 * (counted, rate limited, naming the caller) and execution carries on.
 */
void ntshim_debugbreak(void);

/**
 * __debugbreak() - a breakpoint: reported as a violation, then continues
 *
 * See ntshim_debugbreak().
 */
#define __debugbreak() ntshim_debugbreak()
/**
 * DbgBreakPoint() - the DDK's breakpoint routine; as __debugbreak()
 */
#define DbgBreakPoint() ntshim_debugbreak()
/**
 * DbgBreakPointWithStatus() - a breakpoint with a status; as __debugbreak()
 * @Status: ignored (it would go to the debugger)
 */
#define DbgBreakPointWithStatus(Status) ((void)(Status), ntshim_debugbreak())

/**
 * _ReturnAddress() - the address the current function returns to
 */
#define _ReturnAddress() __builtin_return_address(0)

/**
 * _AddressOfReturnAddress() - where the current function's return address
 * is stored on the stack
 *
 * Uses the frame pointer (GCC sets one up in a function that asks for
 * it): the return address sits just above the saved frame pointer.
 */
#define _AddressOfReturnAddress()                                             \
	((void *)((char *)__builtin_frame_address(0) + sizeof(void *)))

/**
 * _mm_pause() - the PAUSE instruction, for spin-wait loops
 */
static __always_inline void _mm_pause(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

/**
 * YieldProcessor() - hint that the CPU is in a spin-wait loop (PAUSE)
 */
#define YieldProcessor() _mm_pause()

/**
 * _mm_mfence() - MFENCE: order all earlier loads and stores
 */
static __always_inline void _mm_mfence(void)
{
	__asm__ __volatile__("mfence" ::: "memory");
}

/**
 * _mm_lfence() - LFENCE: order earlier loads (and stop speculation)
 */
static __always_inline void _mm_lfence(void)
{
	__asm__ __volatile__("lfence" ::: "memory");
}

/**
 * _mm_sfence() - SFENCE: order earlier stores
 */
static __always_inline void _mm_sfence(void)
{
	__asm__ __volatile__("sfence" ::: "memory");
}

/**
 * ntshim_compiler_barrier() - keep the compiler from moving memory
 * accesses across this point (no CPU fence)
 */
static __always_inline void ntshim_compiler_barrier(void)
{
	__asm__ __volatile__("" ::: "memory");
}

/* interlocked.h defines these on the kernel's barriers when included. */
#ifndef _ReadWriteBarrier
#define _ReadWriteBarrier() ntshim_compiler_barrier()
#endif
#ifndef _ReadBarrier
#define _ReadBarrier() ntshim_compiler_barrier()
#endif
#ifndef _WriteBarrier
#define _WriteBarrier() ntshim_compiler_barrier()
#endif
#ifndef MemoryBarrier
#define MemoryBarrier() _mm_mfence()
#endif
#ifndef KeMemoryBarrier
#define KeMemoryBarrier() _mm_mfence()
#endif
#ifndef KeMemoryBarrierWithoutFence
#define KeMemoryBarrierWithoutFence() _ReadWriteBarrier()
#endif

/**
 * __movsb() - copy bytes (REP MOVSB)
 * @Destination: where to
 * @Source:      where from
 * @Count:       bytes
 */
static __always_inline void __movsb(PUCHAR Destination, const UCHAR *Source,
				    SIZE_T Count)
{
	__builtin_memcpy(Destination, Source, Count);
}

/**
 * __stosb() - fill bytes (REP STOSB)
 * @Destination: the block
 * @Data:        the byte
 * @Count:       bytes
 */
static __always_inline void __stosb(PUCHAR Destination, UCHAR Data,
				    SIZE_T Count)
{
	__builtin_memset(Destination, Data, Count);
}

/**
 * __stosd() - fill ULONGs (REP STOSD)
 * @Destination: the block
 * @Data:        the value
 * @Count:       ULONGs, not bytes
 */
static __always_inline void __stosd(PULONG Destination, ULONG Data,
				    SIZE_T Count)
{
	SIZE_T i;

	for (i = 0; i < Count; i++)
		Destination[i] = Data;
}

/**
 * __stosq() - fill ULONG64s (REP STOSQ)
 * @Destination: the block
 * @Data:        the value
 * @Count:       ULONG64s, not bytes
 */
static __always_inline void __stosq(PULONG64 Destination, ULONG64 Data,
				    SIZE_T Count)
{
	SIZE_T i;

	for (i = 0; i < Count; i++)
		Destination[i] = Data;
}

#endif /* _NTSHIM_INTRINSICS_H */
