/* wuye: the calculation of one bill and of late fees (see fee.h for the
 * choices made).  Products are carried exactly in 128 bits and rounded
 * once, half-up, at the end. */
#include "wuye/fee.h"

#include <string.h>

#include "wuye/date.h"
#include "wuye/i18n.h"
#include "wuye/money.h"

typedef __int128 wide;

/* Look up s in a NULL-ended list of names; -1 if absent. */
static int
name_index(const char *const *names, const char *s)
{
	int i;

	for (i = 0; s != NULL && names[i] != NULL; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
fee_method_parse(const char *s, enum fee_method *out, struct wy_err *e)
{
	static const char *const names[] = { "fixed", "area", "metered",
	    "tiered", "parking", "oneoff", NULL };
	int i = name_index(names, s);

	if (i < 0)
		return wy_fail(e, WY_EINVALID, _("'%s' is not a calculation method"),
		    s != NULL ? s : "");
	*out = (enum fee_method)i;
	return WY_OK;
}

int
fee_cycle_parse(const char *s, enum fee_cycle *out, struct wy_err *e)
{
	static const char *const names[] = { "monthly", "quarterly", "yearly",
	    "oneoff", NULL };
	int i = name_index(names, s);

	if (i < 0)
		return wy_fail(e, WY_EINVALID, _("'%s' is not a billing cycle"),
		    s != NULL ? s : "");
	*out = (enum fee_cycle)i;
	return WY_OK;
}

int
fee_rounding_parse(const char *s, enum fee_rounding *out, struct wy_err *e)
{
	static const char *const names[] = { "fen", "jiao", "yuan", NULL };
	int i = name_index(names, s);

	if (i < 0)
		return wy_fail(e, WY_EINVALID, _("'%s' is not a rounding (fen, jiao or yuan)"),
		    s != NULL ? s : "");
	*out = (enum fee_rounding)i;
	return WY_OK;
}

int
fee_bills_in(const struct fee_item *it, int period, int start)
{
	int month = period % 12 + 1;

	if (period < start)
		return 0;
	if (it->method == FEE_ONEOFF || it->cycle == FEE_CYCLE_ONEOFF)
		return period == start;
	if (it->cycle == FEE_QUARTERLY)
		return month % 3 == 1;
	if (it->cycle == FEE_YEARLY)
		return month == 1;
	return 1;
}

/* v / unit rounded half-up (v >= 0). */
static wide
round_div(wide v, wide unit)
{
	return (v + unit / 2) / unit;
}

/* An exact non-negative amount at `scale` decimals of a yuan, rounded to
 * fen the item's way. */
static wide
round_amount(wide v, int scale, enum fee_rounding r)
{
	wide unit = 1;
	int i;

	for (i = 2; i < scale; i++)
		unit *= 10;
	switch (r) {
	case FEE_ROUND_JIAO:
		return round_div(v, unit * 10) * 10;
	case FEE_ROUND_YUAN:
		return round_div(v, unit * 100) * 100;
	default:
		return round_div(v, unit);
	}
}

/* Usage priced by tiers, exactly at scale 7. */
static int
tiered_gross(const struct fee_item *it, int64_t usage, wide *gross,
    struct wy_err *e)
{
	int64_t below = 0, top, part;
	size_t i;

	if (it->ntiers == 0)
		return wy_fail(e, WY_EINVALID, _("the tiered item has no tiers"));
	*gross = 0;
	for (i = 0; i < it->ntiers && below < usage; i++) {
		top = it->tiers[i].upto;
		if (top == FEE_REST || i == it->ntiers - 1 || top > usage)
			top = usage;	/* the last tier takes the rest */
		part = top - below;
		if (part > 0)
			*gross += (wide)part * it->tiers[i].unit_price;
		below = top > below ? top : below;
	}
	return WY_OK;
}

int
fee_calc(const struct fee_item *it, const struct fee_standard *std,
    const struct fee_input *in, struct fee_result *out, struct wy_err *e)
{
	int64_t price = std->unit_price >= 0 ? std->unit_price : it->unit_price;
	int64_t qty = 1000;
	wide gross = 0, net, amount, whole;
	int rc;

	memset(out, 0, sizeof *out);
	if (!fee_bills_in(it, in->period, std->start_period))
		return WY_OK;
	switch (it->method) {
	case FEE_AREA:
		qty = in->charge_area * 10;
		break;
	case FEE_METERED:
	case FEE_TIERED:
		qty = in->usage;
		break;
	case FEE_PARKING:
		if (std->unit_price < 0 && in->space_price >= 0)
			price = in->space_price * 100;
		break;
	default:
		break;
	}
	if (std->quantity >= 0 && it->method != FEE_METERED &&
	    it->method != FEE_TIERED)
		qty = std->quantity;
	if (it->method == FEE_TIERED) {
		if ((rc = tiered_gross(it, qty, &gross, e)) != WY_OK)
			return rc;
		price = qty > 0 ? (int64_t)round_div(gross, qty) : 0;
	} else
		gross = (wide)price * qty;
	net = gross * (10000 - std->discount);
	if (in->vacant)
		net *= 10000 - std->vacant_discount;
	else
		net *= 10000;
	amount = round_amount(net, 15, it->rounding);
	whole = round_amount(gross, 7, it->rounding);
	if (whole > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("the amount is beyond %s"),
		    "99999999999999");
	out->billed = 1;
	out->quantity = qty;
	out->unit_price = price;
	out->amount = (int64_t)amount;
	out->discount = (int64_t)(whole - amount);
	return WY_OK;
}

int
fee_shared_amount(const struct fee_item *it, int64_t usage, int64_t *amount,
    struct wy_err *e)
{
	int64_t price = it->unit_price;
	wide v;

	*amount = 0;
	if (it->method == FEE_TIERED && it->ntiers > 0)
		price = it->tiers[0].unit_price;
	v = round_amount((wide)price * (usage > 0 ? usage : 0), 7, it->rounding);
	if (v > MONEY_MAX)
		return wy_fail(e, WY_EINVALID, _("the amount is beyond %s"),
		    "99999999999999");
	*amount = (int64_t)v;
	return WY_OK;
}

int32_t
fee_due_date(const struct fee_item *it, int period)
{
	return period_first_day(period) + (it->due_day > 0 ? it->due_day : 1) - 1;
}

int64_t
fee_late(const struct fee_item *it, int64_t amount, int64_t outstanding,
    int32_t due, int32_t on)
{
	int64_t days = (int64_t)on - ((int64_t)due + it->late_after);
	wide fee, cap;

	if (it->late_rate <= 0 || days <= 0 || outstanding <= 0)
		return 0;
	fee = round_div((wide)outstanding * it->late_rate * days, 1000000);
	if (it->late_cap > 0) {
		cap = round_div((wide)amount * it->late_cap, 10000);
		if (fee > cap)
			fee = cap;
	}
	return (int64_t)fee;
}
