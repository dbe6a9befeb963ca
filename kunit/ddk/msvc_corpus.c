// SPDX-License-Identifier: GPL-2.0
/*
 * DDK compile corpus: MSVC keywords and pragmas and the winnt.h/ntdef.h
 * helper macros, written as DDK code writes them (including "f();"
 * declarations and #pragma warning).  Written for ntshim.
 */
#include <ntddk.h>
#include <intrin.h>

#include "corpus.h"

#pragma warning(push)
#pragma warning(disable: 4201)	/* nameless struct/union */
#pragma prefast(disable: 28167, "the corpus changes no IRQL")

typedef struct _CORPUS_INNER {
	ULONG InnerA;
	ULONG InnerB;
} CORPUS_INNER;

typedef struct _CORPUS_NAMELESS {
	ULONG Kind;
	union {
		ULONG AsUlong;
		struct {
			USHORT Low;
			USHORT High;
		};
	};
	CORPUS_INNER;			/* -fms-extensions: members lifted */
} CORPUS_NAMELESS;
#pragma warning(pop)

#include <pshpack1.h>
typedef struct _CORPUS_PACKED {
	UCHAR Kind;
	ULONG Value;
} CORPUS_PACKED;
#include <poppack.h>

__pragma(pack(push, 2))
typedef struct _CORPUS_PACKED2 {
	UCHAR Kind;
	ULONG Value;
} CORPUS_PACKED2;
__pragma(pack(pop))

C_ASSERT(sizeof(__int8) == 1 && sizeof(__int16) == 2);
C_ASSERT(sizeof(__int32) == 4 && sizeof(__int64) == 8);
C_ASSERT(sizeof(unsigned __int64) == 8);
C_ASSERT(FIELD_OFFSET(CORPUS_NAMELESS, InnerB) == 12);

typedef unsigned __int64 CORPUS_U64;
typedef signed __int32 CORPUS_S32;

DECLARE_HANDLE(CORPUS_HANDLE);

typedef VOID (NTAPI *PCORPUS_CALLBACK)(_In_ PVOID Context);
typedef ULONG (__stdcall *PCORPUS_STDCALL)(ULONG Value);

/* Declarations in the DDK's styles: no prototype, linkage macros, declspecs */
static int CorpusOldStyle();
EXTERN_C NTSYSAPI ULONG NTAPI CorpusNeverDefined(VOID);
NTKERNELAPI DECLSPEC_NORETURN VOID CorpusNeverReturns(VOID);
__declspec(noreturn) VOID __cdecl CorpusNeverReturns2(VOID);
__declspec(deprecated) VOID CorpusOld(VOID);
__declspec(deprecated("use CorpusNew")) VOID CorpusOlder(VOID);
DECLSPEC_DEPRECATED_DDK VOID CorpusOldDdk(VOID);
__declspec(restrict) PVOID CorpusAllocator(SIZE_T Size);
__declspec(dllimport) extern ULONG CorpusImported;
__declspec(nothrow) ULONG __fastcall CorpusNoThrow(ULONG Value);
struct __declspec(novtable) _CORPUS_NOVTABLE {
	ULONG Unused;
};

__declspec(align(32)) static UCHAR CorpusAligned32[4];
static DECLSPEC_ALIGN(16) UCHAR CorpusAligned16[4];
static DECLSPEC_CACHEALIGN ULONG CorpusCacheAligned;
static __declspec(allocate("INIT")) ULONG CorpusInInit = 3;

static int CorpusOldStyle()
{
	return 42;
}

static FORCEINLINE ULONG CorpusStaticInline(ULONG Value)
{
	return Value + 1;
}

static __forceinline ULONG CorpusForceInline(ULONG Value)
{
	return Value + 2;
}

static __inline ULONG CorpusInline(ULONG Value)
{
	return Value + 3;
}

static __declspec(noinline) ULONG NTAPI CorpusNoInline(ULONG Value)
{
	return Value + 4;
}

static DECLSPEC_NOINLINE ULONG __stdcall CorpusStd(ULONG Value)
{
	return Value * 2;
}

static VOID NTAPI CorpusCallback(_In_ PVOID Context)
{
	(*(PULONG)Context)++;
}

int ddk_corpus_msvc(void)
{
	CORPUS_NAMELESS nameless = { 0 };
	ULONG array[7], flags = 0, local = 1;
	CORPUS_U64 big = 0xffffffffffffffffULL;
	CORPUS_S32 small = -1;
	__int64 signed64 = -2;
	unsigned __int16 u16 = MAXUSHORT;
	PCORPUS_CALLBACK callback = CorpusCallback;
	PCORPUS_STDCALL stdcall = CorpusStd;
	CORPUS_HANDLE handle = NULL;
	ULONG __unaligned *unaligned = &local;
	PVOID __ptr64 pointer = &local;
	int cpu[4];

	UNREFERENCED_LOCAL_VARIABLE(handle);
	DBG_UNREFERENCED_LOCAL_VARIABLE(pointer);
	CORPUS_CHECK(CorpusOldStyle() == 42);
	CORPUS_CHECK(CorpusStaticInline(1) == 2 && CorpusForceInline(1) == 3);
	CORPUS_CHECK(CorpusInline(1) == 4 && CorpusNoInline(1) == 5);
	CORPUS_CHECK(stdcall(4) == 8);
	callback(&local);
	CORPUS_CHECK(local == 2 && *unaligned == 2);
	CORPUS_CHECK(((ULONG_PTR)CorpusAligned32 & 31) == 0);
	CORPUS_CHECK(((ULONG_PTR)CorpusAligned16 & 15) == 0);
	CORPUS_CHECK(((ULONG_PTR)&CorpusCacheAligned & 63) == 0);
	CORPUS_CHECK(CorpusInInit == 3);
	CORPUS_CHECK(big == MAXULONGLONG && small == -1 && signed64 == -2);
	CORPUS_CHECK(u16 == 0xffff);
	/* checked at run time: sparse ignores #pragma pack */
	CORPUS_CHECK(sizeof(CORPUS_PACKED) == 5 && sizeof(CORPUS_PACKED2) == 6);

	nameless.AsUlong = 0x00020001;
	nameless.InnerB = 5;
	CORPUS_CHECK(nameless.Low == 1 && nameless.High == 2);
	CORPUS_CHECK(nameless.InnerB == 5);

	CORPUS_CHECK(RTL_NUMBER_OF(array) == 7 && ARRAYSIZE(array) == 7);
	CORPUS_CHECK(RTL_NUMBER_OF_V2(array) == 7 && _countof(array) == 7);
	CORPUS_CHECK(RTL_FIELD_SIZE(CORPUS_NAMELESS, InnerA) == 4);
	CORPUS_CHECK(RTL_SIZEOF_THROUGH_FIELD(CORPUS_NAMELESS, AsUlong) == 8);
	CORPUS_CHECK(ALIGN_UP_BY(13, 8) == 16 && ALIGN_DOWN_BY(13, 8) == 8);
	CORPUS_CHECK(ALIGN_UP(5, ULONG) == 8 && ALIGN_DOWN(5, ULONG) == 4);
	CORPUS_CHECK(ALIGN_UP_POINTER(&array[1], ULONGLONG) ==
		     ALIGN_UP_POINTER_BY(&array[1], 8));
	CORPUS_CHECK(ALIGN_DOWN_POINTER(&array[1], ULONGLONG) ==
		     ALIGN_DOWN_POINTER_BY(&array[1], 8));

	SetFlag(flags, 0x10);
	CORPUS_CHECK(FlagOn(flags, 0x10) && BooleanFlagOn(flags, 0x10) == TRUE);
	ClearFlag(flags, 0x10);
	CORPUS_CHECK(!FlagOn(flags, 0x10) && BooleanFlagOn(flags, 0x10) == FALSE);

	CORPUS_CHECK(RtlCompareMemory(__FUNCTION__, "ddk_corpus_msvc", 16) == 16);
	CORPUS_CHECK(NTSHIM_TAG('C', 'o', 'r', 'p') == CORPUS_TAG);

	/* <intrin.h>: MSVC's __cpuid; leaf 0 names the highest leaf (>= 1 here). */
	__cpuid(cpu, 0);
	CORPUS_CHECK(cpu[0] >= 1);
	return 0;
}

/* The second file to use the header's FORCEINLINE and selectany data. */
unsigned int ddk_corpus_inline_b(unsigned int value)
{
	return CorpusRotateLeft(value, 4);
}

const void *ddk_corpus_selectany_b(void)
{
	return &CorpusSelectAny;
}
