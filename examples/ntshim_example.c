// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_example: a small driver written the Windows way, against
 * <ntshim/ntddk.h> only.  DriverEntry() sets up a device extension in
 * non-paged pool holding a spin-locked list of named records, which come
 * from a non-paged lookaside list; DriverUnload() frees everything.
 *
 * /sys/kernel/debug/ntshim_example/records lists the records ("<id>
 * <name>" per line) and takes one command per write:
 *   add <name>   name: 1-32 printable characters, no spaces
 *   del <id>
 *   clear
 * Anything else is rejected with -EINVAL.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include <ntshim/ntddk.h>

#define EXAMPLE_EXTENSION_TAG NTSHIM_TAG('E', 'x', 'D', 'v')
#define EXAMPLE_RECORD_TAG NTSHIM_TAG('E', 'x', 'R', 'c')	/* lookaside blocks */
#define EXAMPLE_NAME_TAG NTSHIM_TAG('E', 'x', 'N', 'm')	/* record names */
#define EXAMPLE_NAME_MAX 32
#define EXAMPLE_COMMAND_MAX (4 + EXAMPLE_NAME_MAX + 1)

typedef struct _EXAMPLE_RECORD {
	LIST_ENTRY Link;
	ULONG Id;
	UNICODE_STRING Name;		/* buffer from EXAMPLE_NAME_TAG */
} EXAMPLE_RECORD, *PEXAMPLE_RECORD;

typedef struct _DEVICE_EXTENSION {
	KSPIN_LOCK Lock;		/* guards Records and NextId */
	LIST_ENTRY Records;
	ULONG NextId;
	NPAGED_LOOKASIDE_LIST RecordLookaside;
	struct dentry *DebugDir;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

static PDEVICE_EXTENSION Extension;

static void ExampleFreeRecord(PDEVICE_EXTENSION Ext, PEXAMPLE_RECORD Record)
{
	ExFreePoolWithTag(Record->Name.Buffer, EXAMPLE_NAME_TAG);
	ExFreeToNPagedLookasideList(&Ext->RecordLookaside, Record);
}

/* Name: ASCII from the command, stored as a UNICODE_STRING. */
static NTSTATUS ExampleAddRecord(PDEVICE_EXTENSION Ext, PCSZ Name,
				 ULONG Length)
{
	PEXAMPLE_RECORD record;
	KIRQL irql;
	ULONG i;

	PAGED_CODE();
	record = ExAllocateFromNPagedLookasideList(&Ext->RecordLookaside);
	if (!record)
		return STATUS_INSUFFICIENT_RESOURCES;
	record->Name.Buffer = ExAllocatePoolWithTag(NonPagedPool,
						    Length * sizeof(WCHAR),
						    EXAMPLE_NAME_TAG);
	if (!record->Name.Buffer) {
		ExFreeToNPagedLookasideList(&Ext->RecordLookaside, record);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	for (i = 0; i < Length; i++)
		record->Name.Buffer[i] = (WCHAR)Name[i];
	record->Name.Length = (USHORT)(Length * sizeof(WCHAR));
	record->Name.MaximumLength = record->Name.Length;

	KeAcquireSpinLock(&Ext->Lock, &irql);
	record->Id = ++Ext->NextId;
	InsertTailList(&Ext->Records, &record->Link);
	KeReleaseSpinLock(&Ext->Lock, irql);
	KdPrint(("ntshim_example: added record %u\n", record->Id));
	return STATUS_SUCCESS;
}

static NTSTATUS ExampleDeleteRecord(PDEVICE_EXTENSION Ext, ULONG Id)
{
	PEXAMPLE_RECORD found = NULL;
	PLIST_ENTRY entry;
	KIRQL irql;

	KeAcquireSpinLock(&Ext->Lock, &irql);
	for (entry = Ext->Records.Flink; entry != &Ext->Records;
	     entry = entry->Flink) {
		PEXAMPLE_RECORD record = CONTAINING_RECORD(entry,
							   EXAMPLE_RECORD, Link);

		if (record->Id == Id) {
			RemoveEntryList(&record->Link);
			found = record;
			break;
		}
	}
	KeReleaseSpinLock(&Ext->Lock, irql);
	if (!found)
		return STATUS_NOT_FOUND;
	ExampleFreeRecord(Ext, found);	/* outside the lock */
	KdPrint(("ntshim_example: deleted record %u\n", Id));
	return STATUS_SUCCESS;
}

static void ExampleClear(PDEVICE_EXTENSION Ext)
{
	LIST_ENTRY doomed;
	KIRQL irql;

	/* Detach the whole list under the lock, free it outside. */
	InitializeListHead(&doomed);
	KeAcquireSpinLock(&Ext->Lock, &irql);
	while (!IsListEmpty(&Ext->Records))
		InsertTailList(&doomed, RemoveHeadList(&Ext->Records));
	KeReleaseSpinLock(&Ext->Lock, irql);
	while (!IsListEmpty(&doomed))
		ExampleFreeRecord(Ext, CONTAINING_RECORD(RemoveHeadList(&doomed),
							 EXAMPLE_RECORD, Link));
}

static int records_show(struct seq_file *m, void *v)
{
	PDEVICE_EXTENSION ext = m->private;
	PLIST_ENTRY entry;
	KIRQL irql;

	KeAcquireSpinLock(&ext->Lock, &irql);
	for (entry = ext->Records.Flink; entry != &ext->Records;
	     entry = entry->Flink) {
		PEXAMPLE_RECORD record = CONTAINING_RECORD(entry,
							   EXAMPLE_RECORD, Link);

		seq_printf(m, "%u %s\n", record->Id, NTSHIM_WZ(&record->Name));
	}
	KeReleaseSpinLock(&ext->Lock, irql);
	return 0;
}

static int records_open(struct inode *inode, struct file *file)
{
	return single_open(file, records_show, inode->i_private);
}

static bool valid_name(const char *name, size_t len)
{
	size_t i;

	if (len < 1 || len > EXAMPLE_NAME_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!isgraph(name[i]))
			return false;
	return true;
}

static ssize_t records_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	PDEVICE_EXTENSION ext = file_inode(file)->i_private;
	char cmd[EXAMPLE_COMMAND_MAX + 1];
	NTSTATUS status;
	size_t len;
	u32 id;

	if (count == 0 || count > EXAMPLE_COMMAND_MAX)
		return -EINVAL;
	if (copy_from_user(cmd, ubuf, count))
		return -EFAULT;
	len = count;
	if (cmd[len - 1] == '\n')
		len--;
	cmd[len] = '\0';
	if (strlen(cmd) != len)
		return -EINVAL;		/* an embedded NUL */

	if (len > 4 && !strncmp(cmd, "add ", 4) &&
	    valid_name(cmd + 4, len - 4)) {
		status = ExampleAddRecord(ext, cmd + 4, len - 4);
	} else if (len > 4 && !strncmp(cmd, "del ", 4) &&
		   !kstrtou32(cmd + 4, 10, &id)) {
		status = ExampleDeleteRecord(ext, id);
	} else if (!strcmp(cmd, "clear")) {
		ExampleClear(ext);
		status = STATUS_SUCCESS;
	} else {
		return -EINVAL;
	}
	return NT_SUCCESS(status) ? count : ntshim_status_to_errno(status);
}

static const struct file_operations records_fops = {
	.owner = THIS_MODULE,
	.open = records_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.write = records_write,
	.release = single_release,
};

static VOID DriverUnload(PVOID DriverObject)
{
	UNREFERENCED_PARAMETER(DriverObject);
	/* No reader or writer is left once the files are gone. */
	debugfs_remove_recursive(Extension->DebugDir);
	ExampleClear(Extension);
	ExDeleteNPagedLookasideList(&Extension->RecordLookaside);
	ExFreePoolWithTag(Extension, EXAMPLE_EXTENSION_TAG);
	Extension = NULL;
	KdPrint(("ntshim_example: %s done\n", __func__));
}

static NTSTATUS DriverEntry(PVOID DriverObject, PUNICODE_STRING RegistryPath)
{
	UNREFERENCED_PARAMETER(DriverObject);
	KdPrint(("ntshim_example: %s %s\n", __func__, NTSHIM_WZ(RegistryPath)));

	Extension = ExAllocatePoolWithTag(NonPagedPool, sizeof(DEVICE_EXTENSION),
					  EXAMPLE_EXTENSION_TAG);
	if (!Extension)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(Extension, sizeof(DEVICE_EXTENSION));
	KeInitializeSpinLock(&Extension->Lock);
	InitializeListHead(&Extension->Records);
	ExInitializeNPagedLookasideList(&Extension->RecordLookaside, NULL, NULL,
					0, sizeof(EXAMPLE_RECORD),
					EXAMPLE_RECORD_TAG, 0);
	Extension->DebugDir = debugfs_create_dir("ntshim_example", NULL);
	debugfs_create_file("records", 0644, Extension->DebugDir, Extension,
			    &records_fops);
	return STATUS_SUCCESS;
}

/* The Linux side: module load and unload call the Windows entry points. */
static WCHAR RegistryPathBuffer[] =
	L"\\Registry\\Machine\\System\\CurrentControlSet\\Services\\ntshim_example";
static UNICODE_STRING RegistryPath = RTL_CONSTANT_STRING(RegistryPathBuffer);

static int __init ntshim_example_init(void)
{
	return ntshim_status_to_errno(DriverEntry(THIS_MODULE, &RegistryPath));
}

static void __exit ntshim_example_exit(void)
{
	DriverUnload(THIS_MODULE);
}

module_init(ntshim_example_init);
module_exit(ntshim_example_exit);

MODULE_DESCRIPTION("ntshim example: a DDK-style driver with a spin-locked record list");
MODULE_LICENSE("GPL");
