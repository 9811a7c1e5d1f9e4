/*
 * test_xmlopt.c: the test driver's domain parser options.
 *
 * Upstream's test driver declares i686 as its default architecture (its
 * capabilities offer hvm and xen guests on i686 only), installs no
 * per-domain post-parse callback (so no machine type is filled in) and
 * reads its own XML namespace (test:runstate and friends).
 */
#include "test_xmlopt.h"
#include "conf/domain_namespace.h"
#include "conf/domain_os.h"

static int testDomainDefPostParse(virDomainDef *def, unsigned int parseFlags,
                                  void *opaque);

static const virDomainXMLOption testXMLOption = {
    .postParse = testDomainDefPostParse,
    .opaque = NULL,
    .ns = &virDomainTestXMLNamespace,
};

static int
testDomainDefPostParse(virDomainDef *def,
                       unsigned int parseFlags G_GNUC_UNUSED,
                       void *opaque G_GNUC_UNUSED)
{
    if (def->os->arch == VIR_ARCH_NONE)
        def->os->arch = VIR_ARCH_I686;
    return virDomainDefNamespaceApply(def, testXMLOption.ns);
}

const virDomainXMLOption *
testDriverDomainXMLOption(void)
{
    return &testXMLOption;
}
