/*
 * checkpoint_conf.h: the <domaincheckpoint> document, which names a point
 * in time from which incremental backups of a domain's disks start (one
 * dirty bitmap per disk), optionally with the domain definition of then.
 */
#pragma once

#include "domain_conf.h"

typedef enum {
    VIR_DOMAIN_CHECKPOINT_TYPE_DEFAULT = 0,
    VIR_DOMAIN_CHECKPOINT_TYPE_NONE,
    VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP,
    VIR_DOMAIN_CHECKPOINT_TYPE_LAST
} virDomainCheckpointType;

VIR_ENUM_DECL(virDomainCheckpoint);

typedef struct _virDomainCheckpointDiskDef virDomainCheckpointDiskDef;
struct _virDomainCheckpointDiskDef {
    char *name;     /* the disk's target dev */
    virDomainCheckpointType type;
    char *bitmap;
};

typedef struct _virDomainCheckpointDef virDomainCheckpointDef;
struct _virDomainCheckpointDef {
    char *name;
    char *description;
    char *parent_name;
    long long creationTime;  /* seconds since the epoch */
    size_t ndisks;
    virDomainCheckpointDiskDef *disks;
    virDomainDef *dom;
};

typedef enum {
    /* The document describes an existing checkpoint: name and
     * creationTime are required, parent and domain are read. */
    VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_PARSE_VALIDATE = 1 << 1,
} virDomainCheckpointParseFlags;

typedef enum {
    VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN = 1 << 1,
} virDomainCheckpointFormatFlags;

void virDomainCheckpointDefFree(virDomainCheckpointDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainCheckpointDef,
                              virDomainCheckpointDefFree);

virDomainCheckpointDef *
virDomainCheckpointDefParseString(const char *xml,
                                  const virDomainXMLOption *xmlopt,
                                  unsigned int flags);
char *virDomainCheckpointDefFormat(const virDomainCheckpointDef *def,
                                   unsigned int flags);
