/*
 * snapshot_conf.h: the <domainsnapshot> document: the state of a domain's
 * memory and disks at one moment, where each part was (or is to be) saved,
 * and, for an existing snapshot, the domain definitions of that moment.
 */
#pragma once

#include "domain_conf.h"
#include "storage_source.h"

typedef enum {
    VIR_DOMAIN_SNAPSHOT_NOSTATE = 0,
    VIR_DOMAIN_SNAPSHOT_RUNNING,
    VIR_DOMAIN_SNAPSHOT_BLOCKED,
    VIR_DOMAIN_SNAPSHOT_PAUSED,
    VIR_DOMAIN_SNAPSHOT_SHUTDOWN,
    VIR_DOMAIN_SNAPSHOT_SHUTOFF,
    VIR_DOMAIN_SNAPSHOT_CRASHED,
    VIR_DOMAIN_SNAPSHOT_PMSUSPENDED,
    VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT,
    VIR_DOMAIN_SNAPSHOT_LAST
} virDomainSnapshotState;

typedef enum {
    VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT = 0,
    VIR_DOMAIN_SNAPSHOT_LOCATION_NO,
    VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL,
    VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL,
    VIR_DOMAIN_SNAPSHOT_LOCATION_MANUAL,
    VIR_DOMAIN_SNAPSHOT_LOCATION_LAST
} virDomainSnapshotLocation;

VIR_ENUM_DECL(virDomainSnapshotState);
VIR_ENUM_DECL(virDomainSnapshotLocation);

/* One <disks><disk>: which domain disk, how it is snapshotted and, for an
 * external snapshot, the new image (any source a domain disk can have). */
typedef struct _virDomainSnapshotDiskDef virDomainSnapshotDiskDef;
struct _virDomainSnapshotDiskDef {
    char *name;     /* the disk's target dev */
    virDomainSnapshotLocation snapshot;
    bool snapshotDeleteInProgress;
    virStorageSource *src;  /* never NULL once parsed */
};

typedef struct _virDomainSnapshotDef virDomainSnapshotDef;
struct _virDomainSnapshotDef {
    char *name;
    char *description;
    char *parent_name;
    long long creationTime;
    virDomainSnapshotState state;
    virDomainSnapshotLocation memory;
    char *memorysnapshotfile;
    size_t ndisks;
    virDomainSnapshotDiskDef *disks;
    virDomainDef *dom;
    virDomainDef *inactiveDom;
    /* An old snapshot's <domain> with just a <uuid>. */
    char *domainUUID;
    /* The driver's opaque <cookie>, kept as written. */
    xmlNodePtr cookie;
    bool current;   /* <active>, internal documents only */
};

typedef enum {
    /* An existing snapshot: name, creationTime and state are required. */
    VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE = 1 << 0,
    /* The driver's own file: <active> says whether it is current. */
    VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_PARSE_OFFLINE = 1 << 2,
    VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE = 1 << 3,
} virDomainSnapshotParseFlags;

typedef enum {
    VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_FORMAT_INTERNAL = 1 << 1,
} virDomainSnapshotFormatFlags;

void virDomainSnapshotDefFree(virDomainSnapshotDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSnapshotDef, virDomainSnapshotDefFree);

virDomainSnapshotDef *
virDomainSnapshotDefParseString(const char *xml,
                                const virDomainXMLOption *xmlopt,
                                unsigned int flags);
char *virDomainSnapshotDefFormat(const virDomainSnapshotDef *def,
                                 unsigned int flags);
