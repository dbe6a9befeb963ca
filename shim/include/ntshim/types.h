/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim basic types: the DDK's integer, pointer and string-character
 * types and LARGE_INTEGER; the SAL and driver annotations (no-ops) and the
 * MSVC keywords come from <ntshim/sal.h>, <ntshim/driverspecs.h> and
 * <ntshim/msvc.h>.
 *
 * Sizes follow 64-bit Windows (LLP64): LONG and ULONG are 32 bits even
 * though the kernel's long is 64 bits.  WCHAR is 16 bits; the kernel is
 * built with -fshort-wchar so L"..." literals match it.
 */
#ifndef _NTSHIM_TYPES_H
#define _NTSHIM_TYPES_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/build_bug.h>
#include <ntshim/sal.h>
#include <ntshim/driverspecs.h>
#include <ntshim/msvc.h>

/* Old-style parameter annotations: documentation only. */
#define IN
#define OUT
#define OPTIONAL
#define UNALIGNED

#define VOID void
typedef void *PVOID, *LPVOID;
typedef const void *PCVOID, *LPCVOID;
typedef void **PPVOID;
typedef char CHAR, *PCHAR, *PCH, *PSTR, *LPSTR, *PSZ, CCHAR;
typedef const char *PCSTR, *LPCSTR, *PCCH, *PCSZ;
typedef unsigned char UCHAR, *PUCHAR, BYTE, *PBYTE;
typedef const unsigned char *PCUCHAR;
typedef s16 SHORT, *PSHORT, CSHORT;
typedef u16 USHORT, *PUSHORT, WORD;
typedef s32 LONG, *PLONG, INT, *PINT;
typedef u32 ULONG, *PULONG, UINT, DWORD, *PDWORD;
typedef s64 LONGLONG, *PLONGLONG, LONG64, *PLONG64, INT64;
typedef u64 ULONGLONG, *PULONGLONG, ULONG64, *PULONG64, UINT64, DWORD64;
typedef s8 INT8;
typedef u8 UINT8;
typedef s16 INT16;
typedef u16 UINT16;
typedef s32 INT32, LONG32;
typedef u32 UINT32, ULONG32;
typedef unsigned long ULONG_PTR, *PULONG_PTR, SIZE_T, *PSIZE_T, UINT_PTR,
	DWORD_PTR;
typedef long LONG_PTR, *PLONG_PTR, SSIZE_T, INT_PTR;
/*
 * WCHAR is u16, the type -fshort-wchar gives L"..." literals, so a WCHAR
 * array can be initialised from L"..." and RTL_CONSTANT_STRING(L"...")
 * type-checks against PWCH.
 */
typedef u16 WCHAR, *PWCHAR, *PWSTR, *LPWSTR, *PWCH, *PWSZ;
typedef const u16 *PCWSTR, *LPCWSTR, *PCWCH, *PCWSZ;
typedef UCHAR BOOLEAN, *PBOOLEAN;
typedef void *HANDLE, **PHANDLE;
typedef ULONG LOGICAL, *PLOGICAL;
typedef UCHAR KPROCESSOR_MODE;
typedef LONG KPRIORITY;
typedef ULONG ACCESS_MASK;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#define KernelMode 0
#define UserMode 1

#define MINCHAR 0x80
#define MAXCHAR 0x7f
#define MINSHORT 0x8000
#define MAXSHORT 0x7fff
#define MAXUCHAR 0xff
#define MAXUSHORT 0xffff
#define MAXULONG 0xffffffffUL
#define MAXLONG 0x7fffffffL
#define MINLONG (-MAXLONG - 1)
#define MAXLONGLONG ((LONGLONG)0x7fffffffffffffffLL)
#define MINLONGLONG (-MAXLONGLONG - 1)
#define MAXULONGLONG ((ULONGLONG)~0ULL)
#define MAXULONG_PTR (~(ULONG_PTR)0)
#define MAXLONG_PTR ((LONG_PTR)(MAXULONG_PTR >> 1))
#define MAXSIZE_T MAXULONG_PTR

/**
 * union _LARGE_INTEGER - a signed 64-bit value with 32-bit halves
 * @LowPart:  low 32 bits (unsigned)
 * @HighPart: high 32 bits (signed)
 * @u:        the same halves, named for compilers without anonymous structs
 * @QuadPart: the whole value
 *
 * x86-64 is little-endian, so LowPart aliases the low half of QuadPart.
 */
typedef union _LARGE_INTEGER {
	struct {
		ULONG LowPart;
		LONG HighPart;
	};
	struct {
		ULONG LowPart;
		LONG HighPart;
	} u;
	LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

/**
 * union _ULARGE_INTEGER - an unsigned 64-bit value with 32-bit halves
 * @LowPart:  low 32 bits
 * @HighPart: high 32 bits
 * @u:        the same halves, named
 * @QuadPart: the whole value
 */
typedef union _ULARGE_INTEGER {
	struct {
		ULONG LowPart;
		ULONG HighPart;
	};
	struct {
		ULONG LowPart;
		ULONG HighPart;
	} u;
	ULONGLONG QuadPart;
} ULARGE_INTEGER, *PULARGE_INTEGER;

typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;

/* The documented layout, checked where it is declared. */
static_assert(sizeof(LARGE_INTEGER) == 8 && sizeof(ULARGE_INTEGER) == 8);
static_assert(offsetof(LARGE_INTEGER, HighPart) == 4);
static_assert(offsetof(LARGE_INTEGER, u.HighPart) == 4);
static_assert(sizeof(WCHAR) == 2 && sizeof(ULONG) == 4 && sizeof(LONG) == 4);
static_assert(sizeof(ULONG_PTR) == sizeof(void *));
static_assert(sizeof(L""[0]) == sizeof(WCHAR),
	      "the kernel must be built with -fshort-wchar");

#ifndef __LITTLE_ENDIAN
#error "ntshim's LARGE_INTEGER layout assumes a little-endian CPU"
#endif

/**
 * FIELD_OFFSET() - byte offset of @field inside @type
 * @type:  a structure type
 * @field: a member of @type
 */
#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))

/**
 * CONTAINING_RECORD() - the structure that embeds a member
 * @address: pointer to the member
 * @type:    the embedding structure's type
 * @field:   the member's name in @type
 *
 * The DDK's name for container_of(); it keeps container_of()'s type
 * check only when @address already has the member's type, because DDK
 * code often passes a PCHAR or PVOID.
 */
#define CONTAINING_RECORD(address, type, field)                               \
	((type *)((PCHAR)(address) - offsetof(type, field)))

#define ARGUMENT_PRESENT(p) ((p) != NULL)

#endif /* _NTSHIM_TYPES_H */
