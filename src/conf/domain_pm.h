/*
 * domain_pm.h: <pm> (which guest suspend states are allowed) and <perf>
 * (which host perf events are counted for the guest).
 */
#pragma once

#include "domain_sections.h"

typedef enum {
    VIR_PERF_EVENT_CMT = 0,
    VIR_PERF_EVENT_MBMT,
    VIR_PERF_EVENT_MBML,
    VIR_PERF_EVENT_CPU_CYCLES,
    VIR_PERF_EVENT_INSTRUCTIONS,
    VIR_PERF_EVENT_CACHE_REFERENCES,
    VIR_PERF_EVENT_CACHE_MISSES,
    VIR_PERF_EVENT_BRANCH_INSTRUCTIONS,
    VIR_PERF_EVENT_BRANCH_MISSES,
    VIR_PERF_EVENT_BUS_CYCLES,
    VIR_PERF_EVENT_STALLED_CYCLES_FRONTEND,
    VIR_PERF_EVENT_STALLED_CYCLES_BACKEND,
    VIR_PERF_EVENT_REF_CPU_CYCLES,
    VIR_PERF_EVENT_CPU_CLOCK,
    VIR_PERF_EVENT_TASK_CLOCK,
    VIR_PERF_EVENT_PAGE_FAULTS,
    VIR_PERF_EVENT_CONTEXT_SWITCHES,
    VIR_PERF_EVENT_CPU_MIGRATIONS,
    VIR_PERF_EVENT_PAGE_FAULTS_MIN,
    VIR_PERF_EVENT_PAGE_FAULTS_MAJ,
    VIR_PERF_EVENT_ALIGNMENT_FAULTS,
    VIR_PERF_EVENT_EMULATION_FAULTS,
    VIR_PERF_EVENT_LAST
} virPerfEventType;
VIR_ENUM_DECL(virPerfEvent);

struct _virDomainPMDef {
    virTristateBool s3; /* suspend-to-mem */
    virTristateBool s4; /* suspend-to-disk */
    virTristateBool perf[VIR_PERF_EVENT_LAST];
};
