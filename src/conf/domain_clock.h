/*
 * domain_clock.h: <clock>, the guest's time base (offset from the host's
 * clock) and its <timer> devices with their <catchup> policies.
 */
#pragma once

#include "domain_sections.h"

typedef enum {
    VIR_DOMAIN_CLOCK_OFFSET_UTC = 0,
    VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME,
    VIR_DOMAIN_CLOCK_OFFSET_VARIABLE,
    VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE,
    VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE,
    VIR_DOMAIN_CLOCK_OFFSET_LAST
} virDomainClockOffsetType;
VIR_ENUM_DECL(virDomainClockOffset);

typedef enum {
    VIR_DOMAIN_CLOCK_BASIS_UTC = 0,
    VIR_DOMAIN_CLOCK_BASIS_LOCALTIME,
    VIR_DOMAIN_CLOCK_BASIS_LAST
} virDomainClockBasis;
VIR_ENUM_DECL(virDomainClockBasis);

typedef enum {
    VIR_DOMAIN_TIMER_NAME_PLATFORM = 0,
    VIR_DOMAIN_TIMER_NAME_PIT,
    VIR_DOMAIN_TIMER_NAME_RTC,
    VIR_DOMAIN_TIMER_NAME_HPET,
    VIR_DOMAIN_TIMER_NAME_TSC,
    VIR_DOMAIN_TIMER_NAME_KVMCLOCK,
    VIR_DOMAIN_TIMER_NAME_HYPERVCLOCK,
    VIR_DOMAIN_TIMER_NAME_ARMVTIMER,
    VIR_DOMAIN_TIMER_NAME_LAST
} virDomainTimerName;
VIR_ENUM_DECL(virDomainTimerName);

typedef enum {
    VIR_DOMAIN_TIMER_TRACK_NONE = 0,
    VIR_DOMAIN_TIMER_TRACK_BOOT,
    VIR_DOMAIN_TIMER_TRACK_GUEST,
    VIR_DOMAIN_TIMER_TRACK_WALL,
    VIR_DOMAIN_TIMER_TRACK_REALTIME,
    VIR_DOMAIN_TIMER_TRACK_LAST
} virDomainTimerTrack;
VIR_ENUM_DECL(virDomainTimerTrack);

typedef enum {
    VIR_DOMAIN_TIMER_TICKPOLICY_NONE = 0,
    VIR_DOMAIN_TIMER_TICKPOLICY_DELAY,
    VIR_DOMAIN_TIMER_TICKPOLICY_CATCHUP,
    VIR_DOMAIN_TIMER_TICKPOLICY_MERGE,
    VIR_DOMAIN_TIMER_TICKPOLICY_DISCARD,
    VIR_DOMAIN_TIMER_TICKPOLICY_LAST
} virDomainTimerTickpolicy;
VIR_ENUM_DECL(virDomainTimerTickpolicy);

typedef enum {
    VIR_DOMAIN_TIMER_MODE_NONE = 0,
    VIR_DOMAIN_TIMER_MODE_AUTO,
    VIR_DOMAIN_TIMER_MODE_NATIVE,
    VIR_DOMAIN_TIMER_MODE_EMULATE,
    VIR_DOMAIN_TIMER_MODE_PARAVIRT,
    VIR_DOMAIN_TIMER_MODE_SMPSAFE,
    VIR_DOMAIN_TIMER_MODE_LAST
} virDomainTimerMode;
VIR_ENUM_DECL(virDomainTimerMode);

typedef struct _virDomainTimerDef virDomainTimerDef;
struct _virDomainTimerDef {
    virDomainTimerName name;
    virTristateBool present;
    virDomainTimerTickpolicy tickpolicy;
    virDomainTimerTrack track;
    unsigned long long frequency; /* tsc only; 0: unset */
    virDomainTimerMode mode;      /* tsc only */
    unsigned long long catchupThreshold;
    unsigned long long catchupSlew;
    unsigned long long catchupLimit;
};

struct _virDomainClockDef {
    virDomainClockOffsetType offset;
    bool utcReset;                 /* utc/localtime: adjustment='reset' */
    long long adjustment;          /* variable */
    long long adjustment0;         /* variable: kept, never formatted */
    virDomainClockBasis basis;     /* variable */
    char *timezone;                /* timezone */
    unsigned long long starttime;  /* absolute */

    virDomainTimerDef **timers;
    size_t ntimers;
};
