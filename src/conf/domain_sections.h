/*
 * domain_sections.h: the parts of a domain outside <devices>.
 *
 * VIR_DOMAIN_SECTIONS lists them with the file that owns each; every
 * section provides, with Stem its function stem and Type its struct:
 *   Type *virDomain<Stem>New(void);         (the empty part)
 *   void virDomain<Stem>Free(Type *part);
 *   int virDomainDef<Stem>ParseXML(xmlNodePtr root, virDomainDef *def,
 *                                  unsigned int flags);
 *   int virDomainDef<Stem>PostParse(virDomainDef *def, unsigned int flags);
 *   int virDomainDef<Stem>Format(virBuffer *buf, const virDomainDef *def,
 *                                unsigned int flags);
 * ParseXML reads the section's elements under the <domain> root; sections
 * are parsed in this order, and PostParse runs, in this order, once the
 * whole document (devices included) is parsed.  Where each section is
 * formatted is decided by virDomainDefFormatBuf, following upstream.
 */
#pragma once

#include "domain_conf.h"

/* X(Stem, field, Type, newOnCreate): parts with newOnCreate false stay
 * NULL until their element is found. */
#define VIR_DOMAIN_SECTIONS(X) \
    X(Mem, mem, virDomainMemDef, true)                 /* domain_memory.c */ \
    X(Numatune, numa, virDomainNumaDef, true)          /* domain_numa.c */ \
    X(CPU, cpu, virDomainCPUDef, false)                /* domain_cpu.c */ \
    X(Vcpu, vcpu, virDomainVcpuSection, true)          /* domain_vcpu.c */ \
    X(Resource, resource, virDomainResourceDef, false) /* domain_resource.c */ \
    X(Sysinfo, sysinfo, virDomainSysinfoSection, true) /* domain_sysinfo.c */ \
    X(OS, os, virDomainOSDef, true)                    /* domain_os.c */ \
    X(Features, features, virDomainFeaturesDef, true)  /* domain_features.c */ \
    X(Clock, clock, virDomainClockDef, true)           /* domain_clock.c */ \
    X(PM, pm, virDomainPMDef, true)                    /* domain_pm.c */ \
    X(Security, sec, virDomainSecurityDef, true)       /* domain_security.c */ \
    X(Namespace, ns, virDomainNamespaceDef, true)      /* domain_namespace.c */

#define VIR_DOMAIN_SECTION_PROTOTYPES(Stem, field, Type, newOnCreate) \
    Type *virDomain##Stem##New(void); \
    void virDomain##Stem##Free(Type *part); \
    int virDomainDef##Stem##ParseXML(xmlNodePtr root, virDomainDef *def, \
                                     unsigned int flags); \
    int virDomainDef##Stem##PostParse(virDomainDef *def, \
                                      unsigned int flags); \
    int virDomainDef##Stem##Format(virBuffer *buf, const virDomainDef *def, \
                                   unsigned int flags);

VIR_DOMAIN_SECTIONS(VIR_DOMAIN_SECTION_PROTOTYPES)

/* The xmlns:prefix declarations of the driver namespaces in use, added to
 * the <domain> start tag (domain_namespace.c). */
void virDomainDefNamespaceFormatRootAttrs(virBuffer *buf,
                                          const virDomainDef *def);
