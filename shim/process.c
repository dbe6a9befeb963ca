// SPDX-License-Identifier: GPL-2.0
/*
 * Processes and threads: the current context, system threads on kthreads,
 * their objects and handles.  <ntshim/process.h> describes the mapping.
 *
 * A system thread's object lives until its last reference goes: the
 * thread holds one while it runs, each handle one, and each
 * ObReferenceObject*() one.  It holds a reference on the task, so ids
 * stay readable after the exit.  Handles are indexes in an xarray,
 * shaped like Windows' kernel handles (high bit set, multiples of 4).
 * Each running thread also pins ntshim.ko, so ntshim's own code cannot
 * go away under a thread leaving it (module_put_and_kthread_exit()).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/xarray.h>
#include <ntshim/irql.h>
#include <ntshim/process.h>
#include <ntshim/seh.h>
#include <ntshim/violation.h>

#include "internal.h"

/* The object types: only their addresses matter. */
static POBJECT_TYPE ps_thread_type = (POBJECT_TYPE)&ps_thread_type;
static POBJECT_TYPE ps_process_type = (POBJECT_TYPE)&ps_process_type;
POBJECT_TYPE *PsThreadType = &ps_thread_type;
EXPORT_SYMBOL_GPL(PsThreadType);
POBJECT_TYPE *PsProcessType = &ps_process_type;
EXPORT_SYMBOL_GPL(PsProcessType);

/*
 * struct ntshim_thread - a system thread's object
 * @header:      dispatcher header, ThreadObject, signalled at exit
 * @refs:        references: the running thread, handles, Ob references
 * @task:        the kthread (referenced)
 * @routine:     the start routine
 * @context:     its argument
 * @exit_status: STATUS_PENDING until the thread exits
 * @running:     the routine has not finished yet
 * @link:        in thread_list
 * @exit_jb:     where PsTerminateSystemThread() jumps to
 */
struct ntshim_thread {
	DISPATCHER_HEADER header;
	refcount_t refs;
	struct task_struct *task;
	PKSTART_ROUTINE routine;
	PVOID context;
	NTSTATUS exit_status;
	bool running;
	struct list_head link;
	struct ntshim_jmp_buf exit_jb;
};

static LIST_HEAD(thread_list);
static DEFINE_SPINLOCK(thread_lock);
static DECLARE_WAIT_QUEUE_HEAD(thread_exit_wq);
static DEFINE_XARRAY_ALLOC(thread_handles);

#define HANDLE_KERNEL_BIT 0xffffffff80000000UL
#define HANDLE_MAX_INDEX 0xfffffU

#define thread_violation(obj, caller, fmt, ...)                               \
	ntshim_violation(NTSHIM_V_THREAD_MISUSE, 0, obj, caller, fmt,         \
			 ##__VA_ARGS__)

static HANDLE handle_of(u32 index)
{
	return (HANDLE)(HANDLE_KERNEL_BIT | ((unsigned long)index << 2));
}

static bool index_of(HANDLE h, u32 *index)
{
	unsigned long v = (unsigned long)h;

	if ((v & HANDLE_KERNEL_BIT) != HANDLE_KERNEL_BIT || (v & 3))
		return false;
	*index = (v & ~HANDLE_KERNEL_BIT) >> 2;
	return *index && *index <= HANDLE_MAX_INDEX;
}

/* The thread object at @p, if @p is one.  Takes no reference. */
static struct ntshim_thread *thread_object(const void *p)
{
	struct ntshim_thread *t, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&thread_lock, flags);
	list_for_each_entry(t, &thread_list, link) {
		if (t == p) {
			found = t;
			break;
		}
	}
	spin_unlock_irqrestore(&thread_lock, flags);
	return found;
}

/* The running system thread of @task, if any. */
static struct ntshim_thread *thread_of_task(struct task_struct *task)
{
	struct ntshim_thread *t, *found = NULL;
	unsigned long flags;

	if (!(task->flags & PF_KTHREAD))
		return NULL;
	spin_lock_irqsave(&thread_lock, flags);
	list_for_each_entry(t, &thread_list, link) {
		if (t->task == task && t->running) {
			found = t;
			break;
		}
	}
	spin_unlock_irqrestore(&thread_lock, flags);
	return found;
}

/* The task behind a PETHREAD: a thread object's, or the task itself. */
static struct task_struct *thread_task(PETHREAD Thread)
{
	struct ntshim_thread *t = thread_object(Thread);

	return t ? t->task : (struct task_struct *)Thread;
}

static void thread_put(struct ntshim_thread *t)
{
	unsigned long flags;

	if (!refcount_dec_and_test(&t->refs))
		return;
	spin_lock_irqsave(&thread_lock, flags);
	list_del(&t->link);
	spin_unlock_irqrestore(&thread_lock, flags);
	put_task_struct(t->task);
	kfree(t);
}

PEPROCESS PsGetCurrentProcess(void)
{
	return (PEPROCESS)current->group_leader;
}
EXPORT_SYMBOL_GPL(PsGetCurrentProcess);

PEPROCESS IoGetCurrentProcess(void)
{
	return (PEPROCESS)current->group_leader;
}
EXPORT_SYMBOL_GPL(IoGetCurrentProcess);

HANDLE PsGetCurrentProcessId(void)
{
	return (HANDLE)(uintptr_t)task_tgid_nr(current);
}
EXPORT_SYMBOL_GPL(PsGetCurrentProcessId);

PETHREAD PsGetCurrentThread(void)
{
	struct ntshim_thread *t = thread_of_task(current);

	return t ? (PETHREAD)t : (PETHREAD)current;
}
EXPORT_SYMBOL_GPL(PsGetCurrentThread);

PKTHREAD KeGetCurrentThread(void)
{
	return (PKTHREAD)PsGetCurrentThread();
}
EXPORT_SYMBOL_GPL(KeGetCurrentThread);

HANDLE PsGetCurrentThreadId(void)
{
	return (HANDLE)(uintptr_t)task_pid_nr(current);
}
EXPORT_SYMBOL_GPL(PsGetCurrentThreadId);

PUCHAR PsGetProcessImageFileName(PEPROCESS Process)
{
	struct task_struct *task = (struct task_struct *)Process;

	return (PUCHAR)task->group_leader->comm;
}
EXPORT_SYMBOL_GPL(PsGetProcessImageFileName);

HANDLE PsGetProcessId(PEPROCESS Process)
{
	return (HANDLE)(uintptr_t)task_tgid_nr((struct task_struct *)Process);
}
EXPORT_SYMBOL_GPL(PsGetProcessId);

HANDLE PsGetThreadId(PETHREAD Thread)
{
	return (HANDLE)(uintptr_t)task_pid_nr(thread_task(Thread));
}
EXPORT_SYMBOL_GPL(PsGetThreadId);

HANDLE PsGetThreadProcessId(PETHREAD Thread)
{
	return (HANDLE)(uintptr_t)task_tgid_nr(thread_task(Thread));
}
EXPORT_SYMBOL_GPL(PsGetThreadProcessId);

PEPROCESS PsGetThreadProcess(PETHREAD Thread)
{
	return (PEPROCESS)thread_task(Thread)->group_leader;
}
EXPORT_SYMBOL_GPL(PsGetThreadProcess);

BOOLEAN PsIsSystemThread(PETHREAD Thread)
{
	return !!(thread_task(Thread)->flags & PF_KTHREAD);
}
EXPORT_SYMBOL_GPL(PsIsSystemThread);

/* Everything a system thread does after its routine: any way out. */
static void __noreturn thread_finish(struct ntshim_thread *t)
{
	unsigned long flags;

	if (KeGetCurrentIrql() != PASSIVE_LEVEL) {
		thread_violation(t, (unsigned long)t->routine,
				 "system thread %ps exits at IRQL %u: lowered",
				 t->routine, KeGetCurrentIrql());
		KeLowerIrql(PASSIVE_LEVEL);
	}
	spin_lock_irqsave(&thread_lock, flags);
	if (t->exit_status == STATUS_PENDING)
		t->exit_status = STATUS_SUCCESS;
	t->running = false;
	spin_unlock_irqrestore(&thread_lock, flags);
	ntshim_dispatcher_signal(&t->header, 1);
	wake_up_all(&thread_exit_wq);
	thread_put(t);
	module_put_and_kthread_exit(0);
}

static int thread_main(void *arg)
{
	struct ntshim_thread *t = arg;

	if (!ntshim_setjmp(&t->exit_jb))
		t->routine(t->context);
	thread_finish(t);
}

NTSTATUS PsCreateSystemThread(PHANDLE ThreadHandle, ACCESS_MASK DesiredAccess,
			      POBJECT_ATTRIBUTES ObjectAttributes,
			      HANDLE ProcessHandle, PCLIENT_ID ClientId,
			      PKSTART_ROUTINE StartRoutine, PVOID StartContext)
{
	char name[TASK_COMM_LEN];
	struct task_struct *task;
	struct ntshim_thread *t;
	unsigned long flags;
	u32 index;

	if (KeGetCurrentIrql() != PASSIVE_LEVEL) {
		ntshim_sync_bad_irql(NULL, __func__, _RET_IP_);
		return STATUS_INVALID_PARAMETER;
	}
	if (!ThreadHandle || !StartRoutine ||
	    (ProcessHandle && ProcessHandle != NtCurrentProcess())) {
		thread_violation(NULL, _RET_IP_,
				 "%s: %s", __func__,
				 ThreadHandle && StartRoutine ?
				 "only the System process (NULL) can have kernel threads" :
				 "NULL handle pointer or start routine");
		return STATUS_INVALID_PARAMETER;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return STATUS_INSUFFICIENT_RESOURCES;
	ntshim_dispatcher_init(&t->header, ThreadObject, 0);
	refcount_set(&t->refs, 2);	/* the thread's own, the handle's */
	t->routine = StartRoutine;
	t->context = StartContext;
	t->exit_status = STATUS_PENDING;
	t->running = true;
	if (xa_alloc(&thread_handles, &index, t,
		     XA_LIMIT(1, HANDLE_MAX_INDEX), GFP_KERNEL)) {
		kfree(t);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	/* named after the routine, without the " [module]" %ps adds */
	snprintf(name, sizeof(name), "%ps", StartRoutine);
	name[strcspn(name, " ")] = '\0';
	task = kthread_create(thread_main, t, "%s", name);
	if (IS_ERR(task)) {
		xa_erase(&thread_handles, index);
		kfree(t);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	t->task = get_task_struct(task);
	__module_get(THIS_MODULE);
	spin_lock_irqsave(&thread_lock, flags);
	list_add_tail(&t->link, &thread_list);
	spin_unlock_irqrestore(&thread_lock, flags);
	if (ClientId) {
		ClientId->UniqueProcess = (HANDLE)(uintptr_t)task_tgid_nr(task);
		ClientId->UniqueThread = (HANDLE)(uintptr_t)task_pid_nr(task);
	}
	*ThreadHandle = handle_of(index);
	wake_up_process(task);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(PsCreateSystemThread);

NTSTATUS PsTerminateSystemThread(NTSTATUS ExitStatus)
{
	struct ntshim_thread *t = thread_of_task(current);

	if (!t) {
		thread_violation(NULL, _RET_IP_, "%s outside a system thread",
				 __func__);
		return STATUS_INVALID_PARAMETER;
	}
	t->exit_status = ExitStatus;
	/* before the jump: the frames are still intact */
	ntshim_seh_drop_task_frames();
	ntshim_seh_jump(&t->exit_jb);
	return STATUS_UNSUCCESSFUL;	/* not reached */
}
EXPORT_SYMBOL_GPL(PsTerminateSystemThread);

NTSTATUS ntshim_thread_exit_status(PETHREAD Thread)
{
	struct ntshim_thread *t = thread_object(Thread);

	return t ? READ_ONCE(t->exit_status) : STATUS_INVALID_PARAMETER;
}
EXPORT_SYMBOL_GPL(ntshim_thread_exit_status);

NTSTATUS ObReferenceObjectByHandle(HANDLE Handle, ACCESS_MASK DesiredAccess,
				   POBJECT_TYPE ObjectType,
				   KPROCESSOR_MODE AccessMode, PVOID *Object,
				   POBJECT_HANDLE_INFORMATION HandleInformation)
{
	struct ntshim_thread *t = NULL;
	u32 index;

	if (!Object)
		return STATUS_INVALID_PARAMETER;
	*Object = NULL;
	if (ObjectType && ObjectType != *PsThreadType)
		return STATUS_OBJECT_TYPE_MISMATCH;
	if (Handle == NtCurrentThread()) {
		t = thread_of_task(current);
		if (t)
			refcount_inc(&t->refs);
	} else if (index_of(Handle, &index)) {
		xa_lock(&thread_handles);
		t = xa_load(&thread_handles, index);
		if (t)
			refcount_inc(&t->refs);
		xa_unlock(&thread_handles);
	}
	if (!t)
		return STATUS_INVALID_HANDLE;
	if (HandleInformation) {
		HandleInformation->HandleAttributes = OBJ_KERNEL_HANDLE;
		HandleInformation->GrantedAccess = THREAD_ALL_ACCESS;
	}
	*Object = t;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ObReferenceObjectByHandle);

LONG_PTR ObfReferenceObject(PVOID Object)
{
	struct ntshim_thread *t = thread_object(Object);

	if (t) {
		refcount_inc(&t->refs);
		return refcount_read(&t->refs);
	}
	if (!Object) {
		thread_violation(NULL, _RET_IP_, "ObReferenceObject(NULL)");
		return 0;
	}
	get_task_struct((struct task_struct *)Object);
	return 1;
}
EXPORT_SYMBOL_GPL(ObfReferenceObject);

LONG_PTR ObfDereferenceObject(PVOID Object)
{
	struct ntshim_thread *t = thread_object(Object);
	LONG_PTR left;

	if (t) {
		left = refcount_read(&t->refs) - 1;
		thread_put(t);
		return left;
	}
	if (!Object) {
		thread_violation(NULL, _RET_IP_, "ObDereferenceObject(NULL)");
		return 0;
	}
	put_task_struct((struct task_struct *)Object);
	return 0;
}
EXPORT_SYMBOL_GPL(ObfDereferenceObject);

NTSTATUS ZwClose(HANDLE Handle)
{
	struct ntshim_thread *t = NULL;
	u32 index;

	if (index_of(Handle, &index))
		t = xa_erase(&thread_handles, index);
	if (!t) {
		thread_violation(Handle, _RET_IP_,
				 "%s(%#lx): not an open handle (INVALID_KERNEL_HANDLE)",
				 __func__, (unsigned long)Handle);
		return STATUS_INVALID_HANDLE;
	}
	thread_put(t);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ZwClose);

unsigned int ntshim_system_threads(void)
{
	struct ntshim_thread *t;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&thread_lock, flags);
	list_for_each_entry(t, &thread_list, link)
		n += t->running;
	spin_unlock_irqrestore(&thread_lock, flags);
	return n;
}
EXPORT_SYMBOL_GPL(ntshim_system_threads);

/* A running thread of @mod's code, referenced, or NULL. */
static struct ntshim_thread *thread_running_in(const struct module *mod)
{
	struct ntshim_thread *t, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&thread_lock, flags);
	list_for_each_entry(t, &thread_list, link) {
		if (t->running && ntshim_owns(mod, NULL, NULL, t->routine)) {
			refcount_inc(&t->refs);
			found = t;
			break;
		}
	}
	spin_unlock_irqrestore(&thread_lock, flags);
	return found;
}

void ntshim_thread_wait_going(const struct module *mod, const char *why)
{
	struct ntshim_thread *t;

	while ((t = thread_running_in(mod))) {
		thread_violation(t, (unsigned long)t->routine,
				 "%s: system thread %ps (pid %d) still running: waiting for it to exit",
				 why, t->routine, task_pid_nr(t->task));
		while (!wait_event_timeout(thread_exit_wq, !READ_ONCE(t->running),
					   30 * HZ))
			pr_err("%s: still waiting for system thread %ps (pid %d)\n",
			       why, t->routine, task_pid_nr(t->task));
		thread_put(t);
	}
}
