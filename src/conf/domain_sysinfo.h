/*
 * domain_sysinfo.h: <sysinfo> blocks: SMBIOS tables (bios, system,
 * baseBoard, chassis, oemStrings) and fw_cfg entries the guest sees.
 */
#pragma once

#include "domain_sections.h"

typedef enum {
    VIR_SYSINFO_SMBIOS = 0,
    VIR_SYSINFO_FWCFG,
    VIR_SYSINFO_LAST
} virSysinfoType;
VIR_ENUM_DECL(virSysinfo);

/* The entries of one SMBIOS table, by name, in output order; unset
 * entries are NULL. */
typedef struct _virSysinfoTable virSysinfoTable;
struct _virSysinfoTable {
    const char *const *names; /* the table kind's entry names */
    size_t nnames;
    char **values;            /* one per name */
};

typedef struct _virSysinfoFWCfg virSysinfoFWCfg;
struct _virSysinfoFWCfg {
    char *name;
    char *value;
    char *file;
};

typedef struct _virSysinfoDef virSysinfoDef;
struct _virSysinfoDef {
    virSysinfoType type;
    /* smbios: NULL when the table is absent or has no entry */
    virSysinfoTable *bios;
    virSysinfoTable *system;
    virSysinfoTable **baseBoards;
    size_t nbaseBoards;
    virSysinfoTable *chassis;
    char **oemStrings; /* NULL terminated, or NULL */
    /* fwcfg */
    virSysinfoFWCfg *fwcfgs;
    size_t nfwcfgs;
};

struct _virDomainSysinfoSection {
    virSysinfoDef **defs;
    size_t ndefs;
};
