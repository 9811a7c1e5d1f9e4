/*
 * moment_conf.h: what snapshot and checkpoint documents share: both name
 * a moment of a domain (name, description, creation time, parent) with
 * per-disk entries and, when redefined, the domain definition of then.
 */
#pragma once

#include "domain_conf.h"

/* <name> and <description>; a redefinition must carry a name.  kind
 * ("snapshot", "checkpoint") and domcode shape the error. */
int virDomainMomentParseName(xmlNodePtr root, int domcode, const char *kind,
                             bool redefine, char **name, char **description);

/* The required <creationTime> and the <parent> of a redefinition. */
int virDomainMomentParseRedefine(xmlNodePtr root, int domcode,
                                 const char *kind, long long *creationTime,
                                 char **parent_name);

/* A new moment is created now and, lacking a name, named by the time;
 * the names elements only a redefinition reads are ignored, as upstream. */
void virDomainMomentParseNew(xmlNodePtr root, char **name,
                             long long *creationTime,
                             const char *const *ignored, size_t nignored);

/* The element children of <disks>, marked consumed; 0 without <disks>. */
size_t virDomainMomentDiskNodes(xmlNodePtr root, xmlNodePtr **nodes);

/* The domain definition in node whatever the element is called
 * (<domain>, <inactiveDomain>): the domain parser wants <domain>. */
virDomainDef *virDomainMomentParseDomain(xmlNodePtr node,
                                         const virDomainXMLOption *xmlopt,
                                         bool validate);

/* The domain definition's format flags for a moment's. */
unsigned int virDomainMomentDomainFormatFlags(bool secure);

/* Opens the root element and writes <name> and <description>. */
void virDomainMomentFormatBegin(virBuffer *buf, const char *root,
                                const char *name, const char *description);

/* Closes the root element virDomainMomentFormatBegin opened. */
void virDomainMomentFormatEnd(virBuffer *buf, const char *root);

/* <parent> and <creationTime>, each when set. */
void virDomainMomentFormatParent(virBuffer *buf, const char *parent_name,
                                 long long creationTime);

typedef void (*virDomainMomentDiskFormatFunc)(virBuffer *buf,
                                              const void *disk);

/* <disks> with each of the ndisks entries of size bytes, when any. */
void virDomainMomentFormatDisks(virBuffer *buf, const void *disks,
                                size_t ndisks, size_t size,
                                virDomainMomentDiskFormatFunc format);
