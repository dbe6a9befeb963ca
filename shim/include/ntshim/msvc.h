/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim MSVC extensions: the compiler keywords and the winnt.h/ntdef.h
 * helper macros DDK code takes for granted, mapped onto gcc.
 *
 * __declspec(x) dispatches on its first token: __declspec(noinline) becomes
 * __ntshim_declspec_noinline, and so on.  A declspec ntshim does not know
 * therefore fails to compile with its name in the message
 * ("__ntshim_declspec_<name>") rather than being silently dropped.  Every
 * handler ends in an open "__ntshim_declspec_args(" that the closing
 * parenthesis appended by __declspec() closes, so one handler serves both
 * the bare form (deprecated) and the form with arguments
 * (deprecated("why"), align(16)).
 *
 * FORCEINLINE is C99 "inline" plus always_inline, without a storage class:
 * "static FORCEINLINE" gives a static inline function, and a FORCEINLINE
 * function defined in a header that several files of one module include is
 * an inline definition that emits no symbol, so the files link without
 * "multiple definition" (the kernel's own "inline" is gnu_inline, which
 * would emit one per file).  Taking the address of a non-static
 * FORCEINLINE function needs one external definition somewhere, as C99
 * requires.
 *
 * Included by <ntshim/types.h>; safe in any translation unit.
 */
#ifndef _NTSHIM_MSVC_H
#define _NTSHIM_MSVC_H

#include <linux/stddef.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>

/* __declspec(): see above */
#define __declspec(x) __ntshim_declspec_##x )
#define __ntshim_declspec_args(...)
#define __ntshim_declspec_align __ntshim_declspec_aligned(
#define __ntshim_declspec_aligned(n) __attribute__((__aligned__ n))
#define __ntshim_declspec_noinline noinline __ntshim_declspec_args(
#define __ntshim_declspec_noreturn __noreturn __ntshim_declspec_args(
/* restrict on a function: the returned pointer aliases nothing, as malloc's */
#define __ntshim_declspec_restrict __malloc __ntshim_declspec_args(
#define __ntshim_declspec_noalias __ntshim_declspec_args(
/* selectany: one of several identical definitions is kept, as a weak one is */
#define __ntshim_declspec_selectany __weak __ntshim_declspec_args(
#define __ntshim_declspec_deprecated __ntshim_declspec_deprecated_(
#define __ntshim_declspec_deprecated_(...) __attribute__((__deprecated__ __VA_ARGS__))
#define __ntshim_declspec_dllimport __ntshim_declspec_args(
#define __ntshim_declspec_dllexport __ntshim_declspec_args(
/* allocate("PAGE"): like #pragma alloc_text, code and data stay where they are */
#define __ntshim_declspec_allocate __ntshim_declspec_args(
#define __ntshim_declspec_code_seg __ntshim_declspec_args(
#define __ntshim_declspec_nothrow __attribute__((__nothrow__)) __ntshim_declspec_args(
#define __ntshim_declspec_novtable __ntshim_declspec_args(
#define __ntshim_declspec_uuid __ntshim_declspec_args(
#define __ntshim_declspec_safebuffers __ntshim_declspec_args(
#define __ntshim_declspec_naked __attribute__((__naked__)) __ntshim_declspec_args(
/*
 * thread: the kernel has no thread-local storage (gs is per-CPU data), so
 * a __declspec(thread) variable cannot work; fail with a name that says so.
 */
#define __ntshim_declspec_thread                                             \
	_Static_assert(0, "__declspec(thread): the kernel has no thread-local storage"); \
	__ntshim_declspec_args(

/* Inlining */
#define FORCEINLINE __inline __attribute__((__always_inline__))
#define __forceinline FORCEINLINE
#define NOINLINE noinline

/* Integer keywords */
#define __int8 char
#define __int16 short
#define __int32 int
#define __int64 long long

/* Calling conventions and pointer qualifiers: x86-64 has one convention */
#define __cdecl
#define __stdcall
#define __fastcall
#define __thiscall
#define __vectorcall
#define __ptr32
#define __ptr64
#define __unaligned
#define __w64
#define NTAPI
#define NTAPI_INLINE
#define WINAPI
#define APIENTRY
#define CALLBACK
#define FASTCALL
#define STDMETHODCALLTYPE
#define NTSYSAPI
#define NTSYSCALLAPI
#define NTKERNELAPI
#define NTHALAPI
#define DECLSPEC_IMPORT
#define DECLSPEC_EXPORT
#define EXTERN_C extern
#define EXTERN_C_START
#define EXTERN_C_END
#define CONST const

/* __pragma(x) is MSVC's _Pragma without the string */
#define __pragma(x) _Pragma(#x)
#define __FUNCDNAME__ __func__
#define __FUNCSIG__ __func__
#define __assume(e) ((e) ? (void)0 : __builtin_unreachable())

/* DECLSPEC_* */
#define DECLSPEC_ALIGN(x) __aligned(x)
#define SYSTEM_CACHE_ALIGNMENT_SIZE 64
#define DECLSPEC_CACHEALIGN DECLSPEC_ALIGN(SYSTEM_CACHE_ALIGNMENT_SIZE)
#define DECLSPEC_NOINLINE noinline
#define DECLSPEC_NORETURN __noreturn
#define DECLSPEC_SELECTANY __weak
#define DECLSPEC_NOTHROW __attribute__((__nothrow__))
#define DECLSPEC_RESTRICT __malloc
#define DECLSPEC_NOALIAS
#define DECLSPEC_NOVTABLE
#define DECLSPEC_UUID(x)
#define DECLSPEC_DEPRECATED __attribute__((__deprecated__))
/* DDK-deprecated routines still compile, as with DEPRECATE_DDK_FUNCTIONS off */
#define DECLSPEC_DEPRECATED_DDK
#define DECLSPEC_DEPRECATED_DDK_WINXP
#define DECLSPEC_GUARDNOCF
#define DECLSPEC_SAFEBUFFERS
#define DECLSPEC_NOSANITIZE_ADDRESS __attribute__((__no_sanitize_address__))

/* Unused names */
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#define UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))
#define DBG_UNREFERENCED_PARAMETER(p) ((void)(p))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))

/* Compile-time checks and sizes */
#define C_ASSERT(e) static_assert(e, #e)
/* The kernel's array check: a pointer is an error, not a wrong count. */
#define RTL_NUMBER_OF_V1(a) (sizeof(a) / sizeof((a)[0]) + __must_be_array(a))
#define RTL_NUMBER_OF_V2(a) RTL_NUMBER_OF_V1(a)
#define RTL_NUMBER_OF(a) RTL_NUMBER_OF_V1(a)
#define ARRAYSIZE(a) RTL_NUMBER_OF_V2(a)
#define _ARRAYSIZE(a) RTL_NUMBER_OF_V1(a)
#ifndef _countof
#define _countof(a) RTL_NUMBER_OF_V2(a)
#endif
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_SIZEOF_THROUGH_FIELD(type, field)                                 \
	(offsetof(type, field) + RTL_FIELD_SIZE(type, field))
#define RTL_CONTAINS_FIELD(s, size, field)                                    \
	((((PCHAR)(&(s)->field)) + sizeof((s)->field)) <= ((PCHAR)(s)) + (size))
#define RTL_FIELD_TYPE(type, field) typeof(((type *)0)->field)
#define RTL_PADDING_BETWEEN_FIELDS(T, F1, F2)                                 \
	((FIELD_OFFSET(T, F2) > FIELD_OFFSET(T, F1)) ?                        \
	 (FIELD_OFFSET(T, F2) - FIELD_OFFSET(T, F1) - RTL_FIELD_SIZE(T, F1)) : \
	 (FIELD_OFFSET(T, F1) - FIELD_OFFSET(T, F2) - RTL_FIELD_SIZE(T, F2)))
#define ANYSIZE_ARRAY 1

/* Flags */
#define FlagOn(flags, single) ((flags) & (single))
#define BooleanFlagOn(flags, single) ((BOOLEAN)(((flags) & (single)) != 0))
#define SetFlag(flags, single) ((flags) |= (single))
#define ClearFlag(flags, single) ((flags) &= ~(single))

/* Alignment, by a byte count or by a type's size (WDK's ntdef.h names) */
#define ALIGN_DOWN_BY(length, alignment)                                      \
	((ULONG_PTR)(length) & ~((ULONG_PTR)(alignment) - 1))
#define ALIGN_UP_BY(length, alignment)                                        \
	(ALIGN_DOWN_BY(((ULONG_PTR)(length) + (alignment) - 1), alignment))
#define ALIGN_DOWN_POINTER_BY(address, alignment)                             \
	((PVOID)((ULONG_PTR)(address) & ~((ULONG_PTR)(alignment) - 1)))
#define ALIGN_UP_POINTER_BY(address, alignment)                               \
	(ALIGN_DOWN_POINTER_BY(((ULONG_PTR)(address) + (alignment) - 1), alignment))
#define ALIGN_UP(length, type) ALIGN_UP_BY(length, sizeof(type))
#define ALIGN_DOWN_POINTER(address, type) ALIGN_DOWN_POINTER_BY(address, sizeof(type))
#define ALIGN_UP_POINTER(address, type) ALIGN_UP_POINTER_BY(address, sizeof(type))
/*
 * ALIGN_DOWN(length, type) is also a Linux macro with another meaning
 * (ALIGN_DOWN(x, a)): <ntddk.h> defines the WDK's after the Linux headers.
 */
#define NTSHIM_WDK_ALIGN_DOWN(length, type) ALIGN_DOWN_BY(length, sizeof(type))

/* DECLARE_HANDLE(name): a distinct pointer type per handle kind */
#define DECLARE_HANDLE(name)                                                  \
	struct name##__ {                                                     \
		int unused;                                                   \
	};                                                                    \
	typedef struct name##__ *name

#endif /* _NTSHIM_MSVC_H */
