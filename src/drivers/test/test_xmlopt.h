/*
 * test_xmlopt.h: what the test driver tells the domain parser: the
 * post-parse defaults upstream's test driver applies (architecture and
 * machine from its capabilities), so that a definition comes back from
 * Vireo's test driver as it comes back from upstream's.
 */
#pragma once

#include "conf/domain_conf.h"

const virDomainXMLOption *testDriverDomainXMLOption(void);
