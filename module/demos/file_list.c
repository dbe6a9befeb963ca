// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "file_list": the MY_FILE_INFOR list.  Each node embeds a
 * LIST_ENTRY next to a file name and a LARGE_INTEGER length; an
 * append function in the style of the books adds nodes from paged pool,
 * a walk with CONTAINING_RECORD prints them and finds one by name, and
 * the list is emptied and freed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_FILE_TAG NTSHIM_TAG('D', 'm', 'F', 'i')

typedef struct _MY_FILE_INFOR {
	LIST_ENTRY ListEntry;
	UNICODE_STRING FileName;	/* points at the caller's string */
	LARGE_INTEGER FileLength;
} MY_FILE_INFOR, *PMY_FILE_INFOR;

static NTSTATUS MyFileInforAppendNode(PLIST_ENTRY ListHead,
				      PCUNICODE_STRING FileName,
				      LARGE_INTEGER FileLength)
{
	PMY_FILE_INFOR info;

	PAGED_CODE();
	info = (PMY_FILE_INFOR)ExAllocatePoolWithTag(PagedPool,
						     sizeof(MY_FILE_INFOR),
						     DEMO_FILE_TAG);
	if (!info)
		return STATUS_INSUFFICIENT_RESOURCES;
	info->FileName = *FileName;
	info->FileLength = FileLength;
	InsertTailList(ListHead, &info->ListEntry);
	return STATUS_SUCCESS;
}

static PMY_FILE_INFOR MyFileInforFind(PLIST_ENTRY ListHead,
				      PCUNICODE_STRING FileName)
{
	PLIST_ENTRY entry;

	for (entry = ListHead->Flink; entry != ListHead; entry = entry->Flink) {
		PMY_FILE_INFOR info = CONTAINING_RECORD(entry, MY_FILE_INFOR,
							ListEntry);

		if (RtlEqualUnicodeString(&info->FileName, FileName, TRUE))
			return info;
	}
	return NULL;
}

static void MyFileInforFreeAll(PLIST_ENTRY ListHead)
{
	while (!IsListEmpty(ListHead))
		ExFreePoolWithTag(CONTAINING_RECORD(RemoveHeadList(ListHead),
						    MY_FILE_INFOR, ListEntry),
				  DEMO_FILE_TAG);
}

static const UNICODE_STRING demo_names[] = {
	RTL_CONSTANT_STRING(L"\\??\\C:\\boot.ini"),
	RTL_CONSTANT_STRING(L"\\??\\C:\\Windows\\System32\\ntoskrnl.exe"),
	RTL_CONSTANT_STRING(L"\\??\\C:\\pagefile.sys"),
};

static NTSTATUS demo_file_list(struct seq_file *m)
{
	UNICODE_STRING wanted = RTL_CONSTANT_STRING(L"\\??\\c:\\WINDOWS\\system32\\NTOSKRNL.EXE");
	LIST_ENTRY my_list_head;
	PMY_FILE_INFOR found;
	LARGE_INTEGER length;
	NTSTATUS status = STATUS_SUCCESS;
	PLIST_ENTRY entry;
	ULONG i, n = 0;

	InitializeListHead(&my_list_head);
	for (i = 0; i < ARRAY_SIZE(demo_names); i++) {
		/* A length above 4 GiB shows both halves of the union. */
		length.QuadPart = 0x100000000LL * i + 4096 * (i + 1);
		status = MyFileInforAppendNode(&my_list_head, &demo_names[i],
					       length);
		if (!NT_SUCCESS(status)) {
			DemoPrint(m, "MyFileInforAppendNode: %s\n",
				  ntshim_status_name(status));
			goto out;
		}
		DemoPrint(m, "appended %s\n", NTSHIM_WZ(&demo_names[i]));
	}

	DemoPrint(m, "walk (Flink order, CONTAINING_RECORD(entry, MY_FILE_INFOR, ListEntry)):\n");
	for (entry = my_list_head.Flink; entry != &my_list_head;
	     entry = entry->Flink) {
		PMY_FILE_INFOR info = CONTAINING_RECORD(entry, MY_FILE_INFOR,
							ListEntry);

		DemoPrint(m, "  %-40s length %lld (HighPart %d, LowPart 0x%08x)\n",
			  NTSHIM_WZ(&info->FileName), info->FileLength.QuadPart,
			  info->FileLength.HighPart, info->FileLength.LowPart);
		n++;
	}
	if (n != ARRAY_SIZE(demo_names)) {
		DemoPrint(m, "walked %u nodes, appended %zu\n", n,
			  ARRAY_SIZE(demo_names));
		status = STATUS_DATA_ERROR;
		goto out;
	}

	found = MyFileInforFind(&my_list_head, &wanted);
	if (!found || found->FileName.Buffer != demo_names[1].Buffer) {
		DemoPrint(m, "did not find %s\n", NTSHIM_WZ(&wanted));
		status = STATUS_NOT_FOUND;
		goto out;
	}
	DemoPrint(m, "found %s (case-insensitive) -> node with length %lld\n",
		  NTSHIM_WZ(&wanted), found->FileLength.QuadPart);
out:
	MyFileInforFreeAll(&my_list_head);
	DemoPrint(m, "list freed, IsListEmpty = %d\n", IsListEmpty(&my_list_head));
	return status;
}

const struct ntshim_demo ntshim_demo_file_list = {
	.name = "file_list",
	.description = "MY_FILE_INFOR list: append, walk, find by name via CONTAINING_RECORD",
	.run = demo_file_list,
};
