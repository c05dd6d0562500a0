// order_filter (include/ordernorm/filter.hpp), through the shared library's
// API: each filter alone and combined, lists, the bounds at the exact
// instant, orders without the time filtered on, local times, and the
// messages for values a user mistypes. Expectations are written out by
// hand.
#include <gtest/gtest.h>

#include <string>

#include "ordernorm/convert_one.hpp"
#include "ordernorm/filter.hpp"

namespace {

using namespace ordernorm;

timestamp at(const char* text) {
  const auto t = parse_timestamp(text, naive_time::reject);
  EXPECT_TRUE(t.ok()) << text;
  return *t;
}

timestamp local_at(const char* text) {
  const auto t = parse_timestamp(text, naive_time::local);
  EXPECT_TRUE(t.ok() && t->local) << text;
  return *t;
}

// A Shopify order, pending and unfulfilled, in USD, created and updated at
// known instants.
order sample() {
  order o;
  o.id = "shopify:1";
  o.platform = platform::shopify;
  o.remote_id = "1";
  o.order_status = order_status::pending;
  o.payment_status = payment_status::authorized;
  o.fulfillment_status = fulfillment_status::unfulfilled;
  o.currency = "USD";
  o.remote_created_at = at("2024-05-01T12:00:00.000Z");
  o.remote_updated_at = at("2024-05-03T00:00:00.000Z");
  return o;
}

order_filter with(filter_field field, const char* text) {
  order_filter f;
  const auto refused = add_filter_values(f, field, text);
  EXPECT_FALSE(refused) << text << ": " << refused.value_or("");
  return f;
}

TEST(FilterMatches, EmptyFilterKeepsEveryOrderEvenWithoutTimes) {
  order_filter f;
  EXPECT_TRUE(f.empty());
  EXPECT_TRUE(matches(sample(), f));
  EXPECT_TRUE(matches(order{}, f));
}

TEST(FilterMatches, FulfillmentStatusAlone) {
  const order_filter f = with(filter_field::fulfillment_status, "unfulfilled");
  EXPECT_FALSE(f.empty());
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.fulfillment_status = fulfillment_status::partial;
  EXPECT_FALSE(matches(o, f));
}

TEST(FilterMatches, OrderStatusAlone) {
  const order_filter f = with(filter_field::order_status, "Pending");
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.order_status = order_status::active;
  EXPECT_FALSE(matches(o, f));
}

TEST(FilterMatches, PaymentStatusAlone) {
  const order_filter f = with(filter_field::payment_status, "Authorized");
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.payment_status = payment_status::paid;
  EXPECT_FALSE(matches(o, f));
}

TEST(FilterMatches, PlatformAlone) {
  const order_filter f = with(filter_field::platform, "shopify");
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.platform = platform::magento;
  EXPECT_FALSE(matches(o, f));
}

TEST(FilterMatches, UnknownIsAValueLikeAnyOther) {
  const order_filter f = with(filter_field::order_status, "Unknown");
  order o = sample();
  EXPECT_FALSE(matches(o, f));
  o.order_status = order_status::unknown;
  EXPECT_TRUE(matches(o, f));
}

TEST(FilterMatches, CurrencyAloneIgnoresLetterCase) {
  const order_filter f = with(filter_field::currency, "usd");
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.currency = "usd";
  EXPECT_TRUE(matches(o, f));
  o.currency = "EUR";
  EXPECT_FALSE(matches(o, f));
}

TEST(FilterMatches, OrderWithoutCurrencyMatchesNoCurrencyFilter) {
  order o = sample();
  o.currency = "";
  EXPECT_FALSE(matches(o, with(filter_field::currency, "USD")));
  EXPECT_TRUE(matches(o, with(filter_field::order_status, "Pending")));
}

TEST(FilterMatches, CommaListMatchesAnyOfItsValues) {
  const order_filter f = with(filter_field::order_status, "Active,Pending");
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.order_status = order_status::active;
  EXPECT_TRUE(matches(o, f));
  o.order_status = order_status::completed;
  EXPECT_FALSE(matches(o, f));
  const order_filter currencies = with(filter_field::currency, "EUR,USD,JPY");
  EXPECT_TRUE(matches(sample(), currencies));
}

TEST(FilterMatches, SeveralFiltersMustAllMatch) {
  order_filter f;
  ASSERT_FALSE(add_filter_values(f, filter_field::order_status, "Pending"));
  ASSERT_FALSE(add_filter_values(f, filter_field::currency, "USD"));
  ASSERT_FALSE(add_filter_values(f, filter_field::platform, "shopify,magento"));
  ASSERT_FALSE(add_filter_values(f, filter_field::created_after, "2024-05-01"));
  order o = sample();
  EXPECT_TRUE(matches(o, f));
  o.currency = "EUR";  // one field off: no match
  EXPECT_FALSE(matches(o, f));
  o = sample();
  o.order_status = order_status::active;
  EXPECT_FALSE(matches(o, f));
  o = sample();
  o.remote_created_at = at("2024-04-30T23:59:59.999Z");
  EXPECT_FALSE(matches(o, f));
}

TEST(FilterMatches, CreatedAfterIsInclusiveAtTheExactInstant) {
  const order_filter f = with(filter_field::created_after, "2024-05-01T12:00:00Z");
  order o = sample();  // created 2024-05-01T12:00:00.000Z
  EXPECT_TRUE(matches(o, f));
  o.remote_created_at = at("2024-05-01T11:59:59.999Z");
  EXPECT_FALSE(matches(o, f));
  o.remote_created_at = at("2024-05-01T12:00:00.001Z");
  EXPECT_TRUE(matches(o, f));
}

TEST(FilterMatches, CreatedBeforeIsExclusiveAtTheExactInstant) {
  const order_filter f = with(filter_field::created_before, "2024-05-01T12:00:00Z");
  order o = sample();
  EXPECT_FALSE(matches(o, f));
  o.remote_created_at = at("2024-05-01T11:59:59.999Z");
  EXPECT_TRUE(matches(o, f));
}

TEST(FilterMatches, ConsecutiveRangesSplitWithoutOverlapOrGap) {
  order_filter april, may;
  ASSERT_FALSE(add_filter_values(april, filter_field::created_after, "2024-04-01"));
  ASSERT_FALSE(add_filter_values(april, filter_field::created_before, "2024-05-01"));
  ASSERT_FALSE(add_filter_values(may, filter_field::created_after, "2024-05-01"));
  ASSERT_FALSE(add_filter_values(may, filter_field::created_before, "2024-06-01"));
  order o = sample();
  for (const char* t : {"2024-04-30T23:59:59.999Z", "2024-05-01T00:00:00.000Z",
                        "2024-05-31T23:59:59.999Z", "2024-04-01T00:00:00.000Z"}) {
    o.remote_created_at = at(t);
    EXPECT_NE(matches(o, april), matches(o, may)) << t;
  }
}

TEST(FilterMatches, BoundWithAnOffsetIsTheSameInstant) {
  // 14:00+02:00 is 12:00Z, the order's creation: inclusive.
  EXPECT_TRUE(matches(sample(), with(filter_field::created_after, "2024-05-01T14:00:00+02:00")));
  EXPECT_FALSE(matches(sample(), with(filter_field::created_before, "2024-05-01T14:00:00+02:00")));
}

TEST(FilterMatches, UpdatedBoundsUseRemoteUpdatedAt) {
  order o = sample();  // updated 2024-05-03T00:00:00Z, created 2024-05-01T12:00Z
  EXPECT_TRUE(matches(o, with(filter_field::updated_after, "2024-05-03")));
  EXPECT_FALSE(matches(o, with(filter_field::updated_after, "2024-05-03T00:00:00.001Z")));
  EXPECT_FALSE(matches(o, with(filter_field::updated_before, "2024-05-03")));
  EXPECT_FALSE(matches(o, with(filter_field::updated_before, "2024-05-02")));
  EXPECT_TRUE(matches(o, with(filter_field::updated_before, "2024-05-03T00:00:00.001Z")));
}

TEST(FilterMatches, OrderWithoutCreatedTimeMatchesNoCreatedBound) {
  order o = sample();
  o.remote_created_at.reset();
  EXPECT_FALSE(matches(o, with(filter_field::created_after, "0001-01-01")));
  EXPECT_FALSE(matches(o, with(filter_field::created_before, "9999-12-31")));
  // A bound on the other time still can match.
  EXPECT_TRUE(matches(o, with(filter_field::updated_after, "2024-01-01")));
}

TEST(FilterMatches, OrderWithoutUpdatedTimeMatchesNoUpdatedBound) {
  order o = sample();
  o.remote_updated_at.reset();
  EXPECT_FALSE(matches(o, with(filter_field::updated_after, "0001-01-01")));
  EXPECT_FALSE(matches(o, with(filter_field::updated_before, "9999-12-31")));
  EXPECT_TRUE(matches(o, with(filter_field::created_before, "2025-01-01")));
}

TEST(FilterMatches, LocalTimeIsComparedAsWritten) {
  order o = sample();
  o.remote_created_at = local_at("2024-05-01T12:00:00");  // a site's wall clock, no zone
  EXPECT_TRUE(matches(o, with(filter_field::created_after, "2024-05-01T12:00:00Z")));
  EXPECT_FALSE(matches(o, with(filter_field::created_before, "2024-05-01T12:00:00Z")));
  EXPECT_TRUE(matches(o, with(filter_field::created_before, "2024-05-01T12:00:00.001Z")));
}

TEST(FilterMatches, OwnedOrderMatchesAsItsViews) {
  order_filter f;
  ASSERT_FALSE(add_filter_values(f, filter_field::currency, "usd"));
  ASSERT_FALSE(add_filter_values(f, filter_field::created_before, "2024-05-02"));
  const owned_order owned = to_owned(sample());
  EXPECT_TRUE(matches(owned, f));
  ASSERT_FALSE(add_filter_values(f, filter_field::order_status, "Completed"));
  EXPECT_FALSE(matches(owned, f));
}

TEST(FilterValues, SpellingsIgnoreLetterCase) {
  order_filter f;
  ASSERT_FALSE(add_filter_values(f, filter_field::order_status, "onhold,PENDING"));
  ASSERT_FALSE(add_filter_values(f, filter_field::fulfillment_status, "Fulfilled"));
  ASSERT_FALSE(add_filter_values(f, filter_field::payment_status, "partiallyrefunded"));
  ASSERT_FALSE(add_filter_values(f, filter_field::platform, "BigCommerce"));
  EXPECT_EQ(f.order_statuses, (std::vector{order_status::on_hold, order_status::pending}));
  EXPECT_EQ(f.fulfillment_statuses, std::vector{fulfillment_status::fulfilled});
  EXPECT_EQ(f.payment_statuses, std::vector{payment_status::partially_refunded});
  EXPECT_EQ(f.platforms, std::vector{platform::bigcommerce});
}

TEST(FilterValues, OrderStatusTypoListsTheAllowedValues) {
  order_filter f;
  EXPECT_EQ(add_filter_values(f, filter_field::order_status, "Pendng"),
            "unknown orderStatus 'Pendng' (allowed: Unknown, Pending, Active, OnHold, Shipped, "
            "Completed, Cancelled)");
}

TEST(FilterValues, EveryEnumTypoListsItsAllowedValues) {
  order_filter f;
  EXPECT_EQ(add_filter_values(f, filter_field::fulfillment_status, "shipped"),
            "unknown fulfillmentStatus 'shipped' (allowed: unknown, unfulfilled, partial, "
            "fulfilled)");
  EXPECT_EQ(add_filter_values(f, filter_field::payment_status, "Settled"),
            "unknown paymentStatus 'Settled' (allowed: Unknown, Pending, Authorized, "
            "PartiallyPaid, Paid, PartiallyRefunded, Refunded, Voided, Failed)");
  EXPECT_EQ(add_filter_values(f, filter_field::platform, "shopfy"),
            "unknown platform 'shopfy' (allowed: unknown, shopify, malomo, magento, bigcommerce, "
            "woocommerce, sfcc, squarespace, ebay)");
}

TEST(FilterValues, ARefusedListLeavesTheFilterAsItWas) {
  order_filter f = with(filter_field::order_status, "Active");
  EXPECT_TRUE(add_filter_values(f, filter_field::order_status, "Pending,Bogus"));
  EXPECT_EQ(f.order_statuses, std::vector{order_status::active});
  EXPECT_TRUE(add_filter_values(f, filter_field::currency, "USD,dollars"));
  EXPECT_TRUE(f.currencies.empty());
  EXPECT_TRUE(add_filter_values(f, filter_field::created_after, "yesterday"));
  EXPECT_FALSE(f.created_after);
}

TEST(FilterValues, EmptyValueInAListIsRefused) {
  order_filter f;
  EXPECT_EQ(add_filter_values(f, filter_field::order_status, "Pending,,Active"),
            "an empty orderStatus in 'Pending,,Active'");
  EXPECT_EQ(add_filter_values(f, filter_field::currency, ""), "an empty currency in ''");
  EXPECT_TRUE(f.empty());
}

TEST(FilterValues, SpacesAroundValuesAreIgnored) {
  const order_filter f = with(filter_field::order_status, " Pending , Active ");
  EXPECT_EQ(f.order_statuses, (std::vector{order_status::pending, order_status::active}));
}

TEST(FilterValues, FlagGivenTwiceAddsToItsList) {
  order_filter f = with(filter_field::currency, "USD");
  ASSERT_FALSE(add_filter_values(f, filter_field::currency, "EUR"));
  EXPECT_EQ(f.currencies, (std::vector<std::string>{"USD", "EUR"}));
  ASSERT_FALSE(add_filter_values(f, filter_field::order_status, "Active,Active"));
  EXPECT_EQ(f.order_statuses, std::vector{order_status::active});
}

TEST(FilterValues, CurrencyMustBeThreeLetters) {
  order_filter f;
  EXPECT_EQ(add_filter_values(f, filter_field::currency, "US$"),
            "currency 'US$' is not a three-letter code such as USD");
  EXPECT_TRUE(add_filter_values(f, filter_field::currency, "EURO"));
}

TEST(FilterValues, TimeFormsRfc3339DateOnlyAndNoOffsetAsUtc) {
  const timestamp noon = at("2024-05-01T12:00:00.000Z");
  for (const char* text : {"2024-05-01T12:00:00Z", "2024-05-01T12:00:00.000Z",
                           "2024-05-01T14:00:00+02:00", "2024-05-01T07:00:00-05:00",
                           "2024-05-01T12:00:00", "2024-05-01 12:00:00", "2024-05-01t12:00:00z"}) {
    const order_filter f = with(filter_field::created_after, text);
    ASSERT_TRUE(f.created_after) << text;
    EXPECT_EQ(*f.created_after, noon) << text;
  }
  const order_filter f = with(filter_field::updated_before, "2024-05-01");
  EXPECT_EQ(*f.updated_before, at("2024-05-01T00:00:00Z"));
}

TEST(FilterValues, UnixSecondsAndRfc2822AreRefused) {
  order_filter f;
  for (const char* text : {"20240501", "1714564800", "Wed, 01 May 2024 12:00:00 +0000",
                           "2024-13-01", "2024-05-01T25:00:00Z", "", "May 1"}) {
    const auto refused = add_filter_values(f, filter_field::created_after, text);
    ASSERT_TRUE(refused) << text;
    std::string expected = "'";
    expected.append(text).append(
        "' is not a timestamp such as 2024-05-01T00:00:00Z, 2024-05-01T02:00:00+02:00 or "
        "2024-05-01");
    EXPECT_EQ(*refused, expected);
  }
  EXPECT_TRUE(f.empty());
}

TEST(FilterValues, BoundGivenTwiceTakesTheLast) {
  order_filter f = with(filter_field::created_after, "2024-01-01");
  ASSERT_FALSE(add_filter_values(f, filter_field::created_after, "2023-01-01"));
  EXPECT_EQ(*f.created_after, at("2023-01-01T00:00:00Z"));
}

}  // namespace
