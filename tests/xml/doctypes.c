/*
 * doctypes.c: one adapter per document type for the round-trip test.
 * Add a type by writing its three adapters and a row in virTestDocTypes.
 */
#include "doctypes.h"
#include "conf/domain_conf.h"
#include "drivers/test/test_xmlopt.h"

static void *
domainParse(const char *xml, const virTestXMLFlags *f)
{
    unsigned int flags = 0;

    if (!f->live)
        flags |= VIR_DOMAIN_DEF_PARSE_INACTIVE;
    if (f->validate)
        flags |= VIR_DOMAIN_DEF_PARSE_VALIDATE;
    return virDomainDefParseString(xml, testDriverDomainXMLOption(), flags);
}

static char *
domainFormat(void *def, const virTestXMLFlags *f)
{
    unsigned int flags = 0;

    if (f->inactive)
        flags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    if (f->secure)
        flags |= VIR_DOMAIN_DEF_FORMAT_SECURE;
    if (f->migratable)
        flags |= VIR_DOMAIN_DEF_FORMAT_MIGRATABLE;
    if (f->updatecpu)
        flags |= VIR_DOMAIN_DEF_FORMAT_UPDATE_CPU;
    return virDomainDefFormat(def, flags);
}

static void
domainFree(void *def)
{
    virDomainDefFree(def);
}

/* ADD NEW DOCUMENT TYPES ABOVE THIS LINE (adapters) */

const virTestDocType virTestDocTypes[] = {
    {"domain", domainParse, domainFormat, domainFree},
    /* ADD NEW DOCUMENT TYPES ABOVE THIS LINE (rows) */
    {NULL, NULL, NULL, NULL},
};
