# Shopify Admin REST order -> the peers' projection of ordernorm's output
# (bench/peers/README.md), one compact JSON object per input line.
#
#   jq -c -f shopify.jq orders.ndjson
#
# jq numbers are doubles, so money is handled as text and summed as integers
# of minor units (exact below 2^53); ids (< 2^53 in Shopify) go through tostring.

# "" and null are the same to ordernorm; both come out as null.
def t: if . == "" then null else . end;
def id: if . == null or . == "" then null else tostring end;

# ISO 4217 minor units (ordernorm's table, src/money.cpp): the codes that are
# not 2. An order without a currency keeps the source's digits (-1).
def minor_units:
  if . == null then -1
  else {"BIF":0,"CLP":0,"DJF":0,"GNF":0,"ISK":0,"JPY":0,"KMF":0,"KRW":0,"PYG":0,
        "RWF":0,"UGX":0,"UYI":0,"VND":0,"VUV":0,"XAF":0,"XOF":0,"XPF":0,
        "BHD":3,"IQD":3,"JOD":3,"KWD":3,"LYD":3,"OMR":3,"TND":3,"CLF":4,"UYW":4}[.] // 2
  end;

# A decimal text as [negative, integer digits, fraction digits].
def dec: tostring | startswith("-") as $neg
  | (if $neg then .[1:] else . end) | split(".") | [$neg, .[0], (.[1] // "")];

# ordernorm's money text: the fraction padded to the currency's minor units,
# trailing zeros beyond them dropped, never a non-zero digit dropped, no "-0".
def money($m):
  if . == null or . == "" then null
  else dec as [$neg, $i, $f]
  | ($i | tonumber | tostring) as $i
  | (if $m < 0 then $f else $f | until(endswith("0") | not; .[:-1]) end) as $f
  | ($i == "0" and ($f | until(endswith("0") | not; .[:-1])) == "") as $zero
  | (if $m > ($f | length) then $f + ("0" * ($m - ($f | length))) else $f end) as $f
  | (if $neg and ($zero | not) then "-" else "" end) + $i
    + (if $f == "" then "" else "." + $f end)
  end;

# The exact sum of decimal texts (nulls skipped), as text; null when none.
def decimal_sum:
  map(select(. != null and . != "") | dec as [$neg, $i, $f]
      | [(($i + $f) | tonumber) * (if $neg then -1 else 1 end), ($f | length)]) as $u
  | if ($u | length) == 0 then null
    else ($u | map(.[1]) | max) as $s
    | ($u | map(.[0] * pow(10; $s - .[1])) | add) as $n
    | ($n | fabs | tostring) as $d
    | (if ($d | length) <= $s then ("0" * ($s + 1 - ($d | length))) + $d else $d end) as $d
    | (if $n < 0 then "-" else "" end) + (if $s == 0 then $d else $d[:-$s] + "." + $d[-$s:] end)
    end;

# RFC 3339 with an offset -> UTC with milliseconds ("2023-11-19T17:00:17.000Z").
def utc:
  if . == null or . == "" then null
  else .[0:19] as $base | .[19:] as $rest
  | (if $rest | startswith(".")
     then ([$rest | indices("Z", "+", "-")[]] | min) as $k
          | [($rest[1:$k] + "000")[0:3], $rest[$k:]]
     else ["000", $rest] end) as [$ms, $tz]
  | (if $tz == "Z" then 0
     else ($tz[1:3] | tonumber) * 3600 + ($tz[4:6] | tonumber) * 60
          | if $tz | startswith("-") then -. else . end
     end) as $offset
  | (($base + "Z" | fromdateiso8601) - $offset | todate)[0:19] + "." + $ms + "Z"
  end;

def payment_status:
  {"pending":"Pending","authorized":"Authorized","partially_paid":"PartiallyPaid",
   "paid":"Paid","partially_refunded":"PartiallyRefunded","refunded":"Refunded",
   "voided":"Voided","expired":"Voided"}[. // ""] // "Unknown";
def fulfillment_status:
  {"":"unfulfilled","restocked":"unfulfilled","partial":"partial",
   "fulfilled":"fulfilled"}[. // ""] // "unknown";
def shipment_status:
  {"label_printed":"pre_transit","label_purchased":"pre_transit","confirmed":"pre_transit",
   "carrier_picked_up":"in_transit","in_transit":"in_transit","delayed":"in_transit",
   "attempted_delivery":"in_transit","out_for_delivery":"out_for_delivery",
   "ready_for_pickup":"available_for_pickup","picked_up":"delivered",
   "delivered":"delivered","failure":"failure"}[. // ""] // "unknown";

# An object whose every field is empty is null in ordernorm's output.
def unless_blank: if all(.[]; . == null) then null else . end;

def address:
  if . == null then null
  else {firstName: (.first_name | t), lastName: (.last_name | t), company: (.company | t),
        address1: (.address1 | t), address2: (.address2 | t), city: (.city | t),
        region: ((.province_code | t) // (.province | t)), postalCode: (.zip | t),
        countryCode: (.country_code | t), phone: (.phone | t)} | unless_blank
  end;

. as $o
| (.currency | minor_units) as $m
| {
    id: (if (.id | id) == null then null else "shopify:" + (.id | id) end),
    orderNumber: (.order_number | id),
    currency: (.currency | t),
    remoteCreatedAt: (.created_at | utc),
    remoteUpdatedAt: (.updated_at | utc),
    orderStatus:
      (if (.cancelled_at | t) != null then "Cancelled"
       elif (.closed_at | t) != null then "Completed"
       elif .fulfillment_status == "fulfilled" then "Shipped"
       elif .financial_status == "pending" then "Pending"
       else "Active" end),
    paymentStatus: (.financial_status | payment_status),
    fulfillmentStatus: (.fulfillment_status | fulfillment_status),
    totalPrice: (.total_price | money($m)),
    totalTax: (.total_tax | money($m)),
    totalShipping:
      ((.total_shipping_price_set.shop_money.amount | t) as $set
       | if $set != null then $set | money($m)
         else [.shipping_lines[]?.price] | decimal_sum | money($m) end),
    totalDiscount: (.total_discounts | money($m)),
    lineItems: [.line_items[]? | {
      lineItemId: (.id | id), sku: (.sku | t), title: (.title | t),
      quantity: .quantity, price: (.price | money($m))}],
    shippingAddress: (.shipping_address | address),
    customer:
      (.customer
       | if . == null then null
         else {id: (.id | id), first_name: (.first_name | t), last_name: (.last_name | t),
               email: (.email | t), phone: (.phone | t)} | unless_blank
         end
       | if . == null then null
         else {email: (.email // ($o.email | t) // ($o.contact_email | t)),
               firstName: .first_name, lastName: .last_name}
         end),
    shipments: [.fulfillments[]?
      | select(.status != "cancelled" and .status != "error" and .status != "failure")
      | (.tracking_company | t) as $carrier
      | (.shipment_status | shipment_status) as $status
      | (if (.tracking_numbers // []) | length > 0 then .tracking_numbers
         elif (.tracking_number | t) != null then [.tracking_number]
         else [] end) as $numbers
      | if ($numbers | length) == 0 then {trackingCode: null, carrier: $carrier, status: $status}
        else $numbers[] | {trackingCode: t, carrier: $carrier, status: $status} end]
  }
