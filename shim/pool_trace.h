/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints ntshim:pool_alloc and ntshim:pool_free, e.g.
 *   echo 1 > /sys/kernel/tracing/events/ntshim/pool_alloc/enable
 *   bpftrace -e 'tracepoint:ntshim:pool_alloc { @[str(args->name)] = sum(args->size); }'
 *
 * module/Kbuild puts shim/ on this file's include path (TRACE_INCLUDE_PATH).
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ntshim

#if !defined(_NTSHIM_POOL_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _NTSHIM_POOL_TRACE_H

#include <linux/tracepoint.h>
#include <ntshim/tag.h>

DECLARE_EVENT_CLASS(ntshim_pool_class,
	TP_PROTO(ULONG tag, size_t size, unsigned int type, const void *ptr,
		 unsigned long caller),
	TP_ARGS(tag, size, type, ptr, caller),
	TP_STRUCT__entry(
		__field(u32, tag)
		__array(char, name, NTSHIM_TAG_STR_LEN)
		__field(size_t, size)
		__field(unsigned int, type)
		__field(const void *, ptr)
		__field(unsigned long, caller)
	),
	TP_fast_assign(
		__entry->tag = tag;
		ntshim_tag_str(tag, __entry->name);
		__entry->size = size;
		__entry->type = type;
		__entry->ptr = ptr;
		__entry->caller = caller;
	),
	TP_printk("tag=%s size=%zu type=%u ptr=%p caller=%pS",
		  __entry->name, __entry->size, __entry->type, __entry->ptr,
		  (void *)__entry->caller)
);

DEFINE_EVENT(ntshim_pool_class, pool_alloc,
	TP_PROTO(ULONG tag, size_t size, unsigned int type, const void *ptr,
		 unsigned long caller),
	TP_ARGS(tag, size, type, ptr, caller)
);

DEFINE_EVENT(ntshim_pool_class, pool_free,
	TP_PROTO(ULONG tag, size_t size, unsigned int type, const void *ptr,
		 unsigned long caller),
	TP_ARGS(tag, size, type, ptr, caller)
);

#endif /* _NTSHIM_POOL_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE pool_trace
#include <trace/define_trace.h>
