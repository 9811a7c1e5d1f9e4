/*
 * netdev_bandwidth.c: parsing and formatting <bandwidth>.
 *
 * Rates are plain unsigned numbers (no units).  A rate element needs an
 * average or a floor; peak and burst only make sense with an average.
 */
#include "netdev_bandwidth.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NONE

void
virNetDevBandwidthFree(virNetDevBandwidth *def)
{
    if (!def)
        return;
    g_free(def->in);
    g_free(def->out);
    g_free(def);
}

/* Reads one optional numeric attribute of a rate element. */
static int
virNetDevBandwidthParseValue(const char *name, const char *value,
                             unsigned long long *result)
{
    if (!value)
        return 0;
    if (virStrToLong_ullp(value, NULL, 10, result) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "could not convert bandwidth %s value '%s'",
                       name, value);
        return -1;
    }
    return 0;
}

static int
virNetDevBandwidthParseRate(xmlNodePtr node, virNetDevBandwidthRate *rate)
{
    g_autofree char *average = virXMLPropString(node, "average");
    g_autofree char *peak = virXMLPropString(node, "peak");
    g_autofree char *burst = virXMLPropString(node, "burst");
    g_autofree char *floor = virXMLPropString(node, "floor");

    if (average) {
        if (virNetDevBandwidthParseValue("average", average,
                                         &rate->average) < 0)
            return -1;
    } else if (!floor) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "Missing mandatory average or floor attributes");
        return -1;
    }

    if ((peak || burst) && !average) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "'peak' and 'burst' require 'average' attribute");
        return -1;
    }

    if (virNetDevBandwidthParseValue("peak", peak, &rate->peak) < 0 ||
        virNetDevBandwidthParseValue("burst", burst, &rate->burst) < 0 ||
        virNetDevBandwidthParseValue("floor", floor, &rate->floor) < 0)
        return -1;
    return 0;
}

int
virNetDevBandwidthParse(virNetDevBandwidth **bandwidth,
                        unsigned int *class_id,
                        xmlNodePtr node,
                        bool allowFloor)
{
    g_autoptr(virNetDevBandwidth) def = g_new0(virNetDevBandwidth, 1);
    g_autofree char *classid = virXMLPropString(node, "classID");
    xmlNodePtr in;
    xmlNodePtr out;

    if (classid) {
        if (!class_id) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "classID attribute not supported on <bandwidth> "
                           "in this usage context");
            return -1;
        }
        if (virStrToLong_ui(classid, NULL, 10, class_id) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Unable to parse class id '%s'", classid);
            return -1;
        }
    }

    if (virXMLChildCount(node, "inbound") > 1) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "Only one child <inbound> element allowed");
        return -1;
    }
    if (virXMLChildCount(node, "outbound") > 1) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "Only one child <outbound> element allowed");
        return -1;
    }

    if ((in = virXMLChild(node, "inbound"))) {
        def->in = g_new0(virNetDevBandwidthRate, 1);
        if (virNetDevBandwidthParseRate(in, def->in) < 0)
            return -1;
        if (def->in->floor && !allowFloor) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "floor attribute is not supported for this config");
            return -1;
        }
    }

    if ((out = virXMLChild(node, "outbound"))) {
        def->out = g_new0(virNetDevBandwidthRate, 1);
        if (virNetDevBandwidthParseRate(out, def->out) < 0)
            return -1;
        if (def->out->floor) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "'floor' attribute allowed only in <inbound> element");
            return -1;
        }
    }

    if (def->in || def->out)
        *bandwidth = g_steal_pointer(&def);
    return 0;
}

/* A rate with neither average nor floor is dropped, as upstream does
 * (its parent <bandwidth> is still written). */
static void
virNetDevBandwidthRateFormat(const virNetDevBandwidthRate *rate,
                             virBuffer *buf, const char *name)
{
    if (!rate || !(rate->average || rate->floor))
        return;

    virBufferAsprintf(buf, "<%s", name);
    if (rate->average)
        virBufferAsprintf(buf, " average='%llu'", rate->average);
    if (rate->peak)
        virBufferAsprintf(buf, " peak='%llu'", rate->peak);
    if (rate->floor)
        virBufferAsprintf(buf, " floor='%llu'", rate->floor);
    if (rate->burst)
        virBufferAsprintf(buf, " burst='%llu'", rate->burst);
    virBufferAddLit(buf, "/>\n");
}

void
virNetDevBandwidthFormat(const virNetDevBandwidth *def,
                         unsigned int class_id,
                         virBuffer *buf)
{
    if (!def)
        return;

    virBufferAddLit(buf, "<bandwidth");
    if (class_id)
        virBufferAsprintf(buf, " classID='%u'", class_id);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNetDevBandwidthRateFormat(def->in, buf, "inbound");
    virNetDevBandwidthRateFormat(def->out, buf, "outbound");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bandwidth>\n");
}

bool
virNetDevBandwidthHasFloor(const virNetDevBandwidth *def)
{
    return def && def->in && def->in->floor != 0;
}
