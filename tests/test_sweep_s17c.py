"""Exports from a sweep of twenty nobody had tried (session 17, sweep C), whose import gave
wrong figures. Hand-worked figures, written before importing, through the command line
(cumulative funnel: awareness, consideration, purchase, retention, advocacy).

- Square Online orders: "Order Total" on each line of a multi-line order is the order's
  total (24), said once: 4 purchases of 94 (was 118, order 1001's 24 counted twice).
- SevenRooms reservations: "Complete" beside "No Show" is a visit kept, a sale of its
  "Check Total": 3 purchases of 455.90 (was none, every visit a contact).
- SuiteCRM opportunities: "name" names the opportunity, "account_name" the client (beside
  "sales_stage" and "opportunity_type"): 5 clients, 2 won of 6,200 (was 6 clients named
  after opportunities).
- Checkfront bookings: a "Deposit" booking is a sale of what was "Paid" (60 of 240):
  3 purchases of 360 (was 540).
- Facebook Lead Ads: Meta's test lead ("<test lead: dummy data for full_name>") is no
  client: 3 (was 4).
- Tally NPS form: "What's your name?" names the respondent; "Test" at test@test.com is no
  one (was 5 nameless respondents, the test a promoter).
- MYOB item sales: "Co./Last Name" is the company or the surname, "First Name" beside it:
  3 clients, Fitzroy Florist twice (was 1 client, "Linh"); "Inc-Tax Total" the amount.
- TikTok Shop orders: "Buyer Username" names the buyer, "Order Amount" the order's
  total (repeated on each line), "Zipcode" is a place, not a client ID; "Order Refund
  Amount" money gone back (was 4 nameless clients keyed by zip code, no amounts).
- Depop sales: "Refunded to buyer amount" is a refund (was none).
- Salon Iris clients: a "Referral Source" naming another client (Jo's "Grace Kim") is a
  referral by that client: advocacy 1 (was 0).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows

NAMES = "SELECT name FROM clients ORDER BY name"


def names(tmp_path) -> list[str | None]:
    return [name for (name,) in workspace_rows(tmp_path, NAMES)]


SQUARE_ONLINE = (
    'Order #,Order Date,Fulfillment Status,Payment Status,Customer Name,Customer Email,'
    'Customer Phone,Item Name,Item Variation,Item Quantity,Item Price,Item Subtotal,'
    'Order Subtotal,Shipping,Tax,Discount,Tip,Order Total,Refunded Amount,'
    'Fulfillment Type,Currency\n'
    '1001,"May 2, 2024 10:14 AM",Completed,Paid,Lena Ford,lena@ford.me,(503) 555-0111,'
    'Sourdough Loaf,Large,2,$8.00,$16.00,$22.00,$0.00,$0.00,$0.00,$2.00,$24.00,$0.00,'
    'Pickup,USD\n'
    '1001,"May 2, 2024 10:14 AM",Completed,Paid,Lena Ford,lena@ford.me,(503) 555-0111,'
    'Croissant,,2,$3.00,$6.00,$22.00,$0.00,$0.00,$0.00,$2.00,$24.00,$0.00,Pickup,USD\n'
    '1002,"May 3, 2024 4:40 PM",Completed,Refunded,Max Gold,max.gold@gmail.com,,'
    'Birthday Cake,8 inch,1,$40.00,$40.00,$40.00,$0.00,$0.00,$0.00,$0.00,$40.00,$40.00,'
    'Pickup,USD\n'
    '1003,"May 9, 2024 9:02 AM",Completed,Paid,Lena Ford,lena@ford.me,(503) 555-0111,'
    'Baguette,,1,$5.00,$5.00,$5.00,$0.00,$0.00,$0.00,$0.00,$5.00,$0.00,Pickup,USD\n'
    '1004,"May 10, 2024 1:15 PM",Canceled,Voided,Nell Hay,nell@hay.org,,Cinnamon Roll,,4,'
    '$3.00,$12.00,$12.00,$0.00,$0.00,$0.00,$0.00,$12.00,$0.00,Delivery,USD\n'
    '1005,"May 11, 2024 11:30 AM",Completed,Paid,Omar Ali,,(503) 555-0177,Gift Card,$25,'
    '1,$25.00,$25.00,$25.00,$0.00,$0.00,$0.00,$0.00,$25.00,$0.00,Digital,USD\n'
)


SEVENROOMS = (
    'Reservation Date,Reservation Time,Venue,First Name,Last Name,Email,Phone,Party Size,'
    'Status,Source,Table,Server,Tags,Check Total,Notes\n'
    '2024-04-05,7:00 PM,Harbour Kitchen,Liam,Shaw,liam.shaw@gmail.com,+1 206 555 0101,4,'
    'Complete,Online,T12,Ana,Birthday,$212.40,\n'
    '2024-04-06,8:00 PM,Harbour Kitchen,Mila,Ross,mila.ross@outlook.com,+1 206 555 0102,'
    '2,No Show,Online,,,,$0.00,\n'
    '2024-04-12,6:30 PM,Harbour Kitchen,Liam,Shaw,liam.shaw@gmail.com,+1 206 555 0101,2,'
    'Complete,Phone,T4,Ben,,$98.00,\n'
    '2024-04-13,7:30 PM,Harbour Kitchen,Noah,Kent,noah.kent@kentlaw.com,,6,Canceled,'
    'Online,,,,$0.00,Cancelled by guest\n'
    '2024-04-20,7:00 PM,Harbour Kitchen,Olive,Hart,olive@hart.design,+1 206 555 0105,2,'
    'Complete,Resy,T8,Ana,"VIP, Anniversary",$145.50,Champagne on arrival\n'
    '2024-04-27,8:30 PM,Harbour Kitchen,Mila,Ross,mila.ross@outlook.com,+1 206 555 0102,'
    '2,Booked,Online,,,,$0.00,\n'
)


SUITECRM = (
    '"id","name","date_entered","date_modified","assigned_user_name","opportunity_type",'
    '"lead_source","amount","amount_usdollar","currency_id","date_closed","next_step",'
    '"sales_stage","probability","account_name","description"\n'
    '"1a2b3c4d-0001-4e5f-9a8b-000000000001","Acme Dental - Website",'
    '"2024-03-01 09:00:00","2024-03-20 16:00:00","Sara Jones","New Business","Web Site",'
    '"5000.00","5000.00","-99","2024-03-20","","Closed Won","100","Acme Dental",""\n'
    '"1a2b3c4d-0001-4e5f-9a8b-000000000002","Brightside Realty - CRM",'
    '"2024-03-05 10:30:00","2024-04-02 11:00:00","Sara Jones","New Business","Cold Call",'
    '"3000.00","3000.00","-99","2024-04-02","","Closed Lost","0","Brightside Realty",'
    '"Went with a cheaper vendor"\n'
    '"1a2b3c4d-0001-4e5f-9a8b-000000000003","Cobalt Fitness - App","2024-03-11 14:00:00",'
    '"2024-04-10 09:00:00","Tom Hale","New Business","Trade Show","2500.00","2500.00",'
    '"-99","2024-06-30","Send references","Perception Analysis","70","Cobalt Fitness",""\n'
    '"1a2b3c4d-0001-4e5f-9a8b-000000000004","Acme Dental - SEO retainer",'
    '"2024-04-15 09:00:00","2024-05-02 12:00:00","Sara Jones","Existing Business",'
    '"Existing Customer","1200.00","1200.00","-99","2024-05-02","","Closed Won","100",'
    '"Acme Dental",""\n'
    '"1a2b3c4d-0001-4e5f-9a8b-000000000005","Delta Motors - Fleet portal",'
    '"2024-04-20 13:00:00","2024-05-05 13:00:00","Tom Hale","New Business","Partner",'
    '"8000.00","8000.00","-99","2024-07-15","Revise quote","Proposal/Price Quote","65",'
    '"Delta Motors",""\n'
    '"1a2b3c4d-0001-4e5f-9a8b-000000000006","Echo Farms - Intro","2024-05-01 08:00:00",'
    '"2024-05-01 08:00:00","Tom Hale","New Business","Email","","","-99","2024-09-30",'
    '"Call back","Prospecting","10","Echo Farms",""\n'
)


CHECKFRONT = (
    'Booking ID,Status,Created,Start Date,End Date,Customer Name,Customer Email,'
    'Customer Phone,Items,Sub Total,Tax,Total,Paid,Balance,Source\n'
    'ABCD-120324,Paid,2024-03-12 10:15,2024-04-01,2024-04-01,Ellie Park,'
    'ellie.park@gmail.com,250-555-0101,Kayak Tour (2),$171.43,$8.57,$180.00,$180.00,'
    '$0.00,Website\n'
    'ABCD-140324,Deposit,2024-03-14 16:40,2024-04-10,2024-04-12,Finn Moss,'
    'finn@mossfamily.ca,250-555-0102,Bike Rental (4),$228.57,$11.43,$240.00,$60.00,'
    '$180.00,Website\n'
    'ABCD-150324,Void,2024-03-15 09:05,2024-04-02,2024-04-02,Gus Hall,gus.hall@shaw.ca,,'
    'Kayak Tour (1),$85.71,$4.29,$90.00,$0.00,$0.00,Backend\n'
    'ABCD-200324,Paid,2024-03-20 13:30,2024-04-15,2024-04-15,Ellie Park,'
    'ellie.park@gmail.com,250-555-0101,Sunset Cruise (2),$114.29,$5.71,$120.00,$120.00,'
    '$0.00,Website\n'
    'ABCD-220324,Pending,2024-03-22 18:20,2024-05-01,2024-05-01,Hope Lin,'
    'hope.lin@telus.net,250-555-0105,Whale Watching (2),$142.86,$7.14,$150.00,$0.00,'
    '$150.00,Website\n'
    'ABCD-250324,Paid,2024-03-25 11:00,2024-04-05,2024-04-05,Ian Cole,ian.cole@gmail.com,'
    ',Kayak Tour (1) - Staff comp,$0.00,$0.00,$0.00,$0.00,$0.00,Backend\n'
)


FACEBOOK_LEADS = (
    'id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,'
    'form_name,is_organic,platform,what_service_are_you_interested_in?,full_name,email,'
    'phone_number\n'
    'l:1032847561,2024-05-14T09:12:33-07:00,ag:2384756,Kitchen Spring - Video,as:2384750,'
    'Portland 30-55,c:2384700,Spring Remodel Leads,f:998877,Free Quote Form,false,fb,'
    'kitchen_remodel,Jamie Cole,jamie.cole@gmail.com,p:+15035550101\n'
    'l:1032847562,2024-05-14T18:40:02-07:00,ag:2384757,Bath Carousel,as:2384750,'
    'Portland 30-55,c:2384700,Spring Remodel Leads,f:998877,Free Quote Form,false,ig,'
    'bathroom_remodel,Lee Wong,lee.wong@yahoo.com,p:+15035550144\n'
    'l:1032847563,2024-05-16T07:55:10-07:00,ag:2384756,Kitchen Spring - Video,as:2384750,'
    'Portland 30-55,c:2384700,Spring Remodel Leads,f:998877,Free Quote Form,false,fb,'
    'kitchen_remodel,Jamie Cole,jamie.cole@gmail.com,p:+15035550101\n'
    'l:1032847564,2024-05-13T10:00:00-07:00,ag:2384756,Kitchen Spring - Video,as:2384750,'
    'Portland 30-55,c:2384700,Spring Remodel Leads,f:998877,Free Quote Form,false,fb,'
    '<test lead: dummy data for what_service_are_you_interested_in?>,'
    '<test lead: dummy data for full_name>,test@fb.com,'
    '<test lead: dummy data for phone_number>\n'
    'l:1032847565,2024-05-17T21:03:48-07:00,ag:2384758,Deck Offer,as:2384751,Salem 30-55,'
    'c:2384700,Spring Remodel Leads,f:998877,Free Quote Form,false,ig,deck_build,'
    'Rosa Diaz,,p:+15035550199\n'
)


TALLY = (
    "Submission ID,Respondent ID,Submitted at,What's your name?,Your email,"
    'How likely are you to recommend us to a friend or colleague?,'
    "What's the main reason for your score?\n"
    'wMZ4qX,3xKd9A,2024-06-03 14:22:10,Nora Blake,nora@blake.io,10,'
    'Great service and fast replies\n'
    'nP8aLQ,8bLr2C,2024-06-03 16:05:44,Owen Price,owen@price.dev,6,Delivery was slow\n'
    'q2JkRm,1aQz7P,2024-06-04 09:11:02,Pia Lund,pia@lund.se,9,\n'
    'vB6yTn,5tWc3E,2024-06-05 12:40:19,,,8,ok\n'
    'kD3sHw,8bLr2C,2024-06-20 10:00:00,Owen Price,owen@price.dev,7,Better this time\n'
    'zT1pQe,0aTe5T,2024-06-01 08:00:00,Test,test@test.com,10,testing the form\n'
)


MYOB = (
    'Co./Last Name,First Name,Addr 1 - Line 1,Invoice #,Date,Customer PO,Ship Via,'
    'Delivery Status,Item Number,Quantity,Description,Price,Inc-Tax Price,Discount,Total,'
    'Inc-Tax Total,Job,Comment,Journal Memo,Salesperson Last Name,Salesperson First Name,'
    'Tax Code,GST Amount,Freight Amount,Sale Status,Currency Code,Exchange Rate,'
    'Amount Paid,Payment Method,Card ID,Record ID\n'
    'Fitzroy Florist,,12 Smith St,00000101,05/03/2024,,Courier,P,VASE-L,2,'
    'Large glass vase,$30.00,$33.00,0%,$60.00,$66.00,,Thank you,Sale; Fitzroy Florist,'
    'Reid,Kim,GST,$6.00,$0.00,I,,,$77.00,Visa,*None,1\n'
    'Fitzroy Florist,,12 Smith St,00000101,05/03/2024,,Courier,P,RIB-01,1,'
    'Satin ribbon roll,$10.00,$11.00,0%,$10.00,$11.00,,Thank you,Sale; Fitzroy Florist,'
    'Reid,Kim,GST,$1.00,$0.00,I,,,$77.00,Visa,*None,1\n'
    '\n'
    'Nguyen,Linh,4/88 High St,00000102,12/03/2024,,,A,PLANT-M,1,Monstera (large),$200.00,'
    '$220.00,0%,$200.00,$220.00,,,"Sale; Nguyen, Linh",Reid,Kim,GST,$20.00,$0.00,I,,,'
    '$100.00,EFTPOS,*None,2\n'
    '\n'
    'Fitzroy Florist,,12 Smith St,00000103,26/03/2024,,Courier,P,VASE-S,1,'
    'Small glass vase,$50.00,$55.00,0%,$50.00,$55.00,,,Sale; Fitzroy Florist,Reid,Kim,'
    'GST,$5.00,$0.00,I,,,$55.00,Visa,*None,3\n'
    '\n'
    'Otway Hotel,,1 Great Ocean Rd,00000104,28/03/2024,PO-5521,,A,EVENT-FL,1,'
    'Wedding florals package,"$1,000.00","$1,100.00",0%,"$1,000.00","$1,100.00",,'
    'Quote valid 30 days,Quote; Otway Hotel,Reid,Kim,GST,$100.00,$0.00,Q,,,$0.00,,*None,4\n'
)


TIKTOK = (
    'Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,'
    'SKU ID,Seller SKU,Product Name,Variation,Quantity,Sku Quantity of return,'
    'SKU Unit Original Price,SKU Subtotal Before Discount,SKU Platform Discount,'
    'SKU Seller Discount,SKU Subtotal After Discount,Shipping Fee After Discount,'
    'Original Shipping Fee,Taxes,Order Amount,Order Refund Amount,Created Time,Paid Time,'
    'Cancelled Time,Cancel By,Cancel Reason,Buyer Message,Buyer Username,Recipient,'
    'Phone #,Zipcode,Country,State,City,Payment Method\n'
    'Platform unique order ID.,Order status.,Order substatus.,'
    'Cancellation or return type.,Normal or pre-order.,Platform SKU ID.,Seller SKU.,'
    'Product name.,SKU variation.,SKU quantity.,Returned quantity.,Unit original price.,'
    'Subtotal before discount.,Platform discount.,Seller discount.,'
    'Subtotal after discount.,Shipping fee after discount.,Original shipping fee.,Taxes.,'
    'Order amount.,Order refund amount.,Order created time.,Order paid time.,'
    'Order cancelled time.,Cancelled by.,Cancel reason.,Buyer message.,Buyer username.,'
    'Recipient name.,Recipient phone.,Zipcode.,Country.,State.,City.,Payment method.\n'
    '576461413901234567,Completed,Completed,,Normal,1729384756,GS-30,Glow Serum,30ml,1,0,'
    'USD 24.00,USD 24.00,USD 0.00,USD 0.00,USD 24.00,USD 0.00,USD 4.99,USD 1.98,'
    'USD 25.98,USD 0.00,05/02/2024 10:14:33 AM,05/02/2024 10:14:40 AM,,,,,jess_makes,'
    'Jessica Moore,(+1)213*****45,90012,United States,California,Los Angeles,Credit card\n'
    '576461413901234568,Completed,Completed,,Normal,1729384756,GS-30,Glow Serum,30ml,1,0,'
    'USD 24.00,USD 24.00,USD 0.00,USD 0.00,USD 24.00,USD 0.00,USD 4.99,USD 2.50,'
    'USD 44.50,USD 0.00,05/03/2024 08:01:12 PM,05/03/2024 08:01:20 PM,,,,,kev.r,'
    'Kevin Ross,(+1)646*****12,10001,United States,New York,New York,PayPal\n'
    '576461413901234568,Completed,Completed,,Normal,1729384799,LO-PK,Lip Oil,Pink,2,0,'
    'USD 9.00,USD 18.00,USD 0.00,USD 0.00,USD 18.00,USD 0.00,USD 4.99,USD 2.50,USD 44.50,'
    'USD 0.00,05/03/2024 08:01:12 PM,05/03/2024 08:01:20 PM,,,,,kev.r,Kevin Ross,'
    '(+1)646*****12,10001,United States,New York,New York,PayPal\n'
    '576461413901234569,Cancelled,Cancelled,Cancel,Normal,1729384756,GS-30,Glow Serum,'
    '30ml,1,0,USD 24.00,USD 24.00,USD 0.00,USD 0.00,USD 24.00,USD 0.00,USD 4.99,USD 0.00,'
    'USD 24.00,USD 0.00,05/04/2024 01:22:09 PM,05/04/2024 01:22:15 PM,'
    '05/04/2024 03:00:00 PM,Buyer,No longer needed,,amy_t,Amy Tran,(+1)312*****88,60601,'
    'United States,Illinois,Chicago,Credit card\n'
    '576461413901234570,Completed,Completed,,Normal,1729384799,LO-PK,Lip Oil,Pink,1,0,'
    'USD 9.00,USD 9.00,USD 0.00,USD 0.00,USD 9.00,USD 0.00,USD 4.99,USD 0.74,USD 9.74,'
    'USD 0.00,05/20/2024 09:45:00 AM,05/20/2024 09:45:05 AM,,,,,jess_makes,Jessica Moore,'
    '(+1)213*****45,90012,United States,California,Los Angeles,Credit card\n'
    '576461413901234571,Completed,Completed,Return/Refund,Normal,1729384756,GS-30,'
    'Glow Serum,30ml,1,1,USD 24.00,USD 24.00,USD 0.00,USD 0.00,USD 24.00,USD 0.00,'
    'USD 4.99,USD 0.00,USD 24.00,USD 24.00,05/21/2024 07:30:00 PM,05/21/2024 07:30:04 PM,'
    ',,,,leo_b,Leo Brand,(+1)512*****30,73301,United States,Texas,Austin,Credit card\n'
)


DEPOP = (
    'Date of sale,Time of sale,Bundle,Name,Username,Address line 1,City,Post code,'
    'Country,Description,Brand,Size,Item price,Buyer shipping cost,Total,Depop fee,'
    'Depop Payments fee,Boosting fee,Refunded to buyer amount,Refund date,Payment type,'
    'Category\n'
    '01/05/2024,14:02,No,Sofia Lane,sofialane,12 Park Rd,Leeds,LS6 2AB,GB,'
    "Vintage Levi's 501 jeans W30,Levi's,W30,£28.00,£3.50,£31.50,£0.00,£1.10,£0.00,,,"
    'Depop Payments,Jeans\n'
    '03/05/2024,09:41,No,Tom Reid,tomreid_,4 Mill Lane,Bristol,BS1 4QA,GB,'
    'Nike 90s windbreaker,Nike,M,£35.00,£3.50,£38.50,£0.00,£1.31,£0.00,,,Depop Payments,'
    'Jackets\n'
    '10/05/2024,19:20,Yes,Sofia Lane,sofialane,12 Park Rd,Leeds,LS6 2AB,GB,'
    'Ralph Lauren oxford shirt,Ralph Lauren,S,£15.00,£3.50,£18.50,£0.00,£0.75,£0.00,,,'
    'Depop Payments,Shirts\n'
    '10/05/2024,19:20,Yes,Sofia Lane,sofialane,12 Park Rd,Leeds,LS6 2AB,GB,'
    'Carhartt beanie,Carhartt,One size,£10.00,£0.00,£10.00,£0.00,£0.40,£0.00,,,'
    'Depop Payments,Hats\n'
    '15/05/2024,11:05,No,Uma Shah,umashah,9 Church St,Manchester,M1 1AA,GB,'
    'Dr Martens 1460 boots,Dr. Martens,UK 6,£60.00,£3.50,£63.50,£0.00,£2.11,£0.00,£63.50,'
    '20/05/2024,Depop Payments,Boots\n'
)


SALON_IRIS = (
    'First Name,Last Name,Email,Mobile Phone,Birthday,Address,City,State,Zip,First Visit,'
    'Last Visit,Total Visits,Total Spent,No Shows,Referral Source,Preferred Stylist\n'
    'Grace,Kim,grace.kim@gmail.com,(555) 201-3344,04/12,12 Oak Ave,Dayton,OH,45402,'
    '01/10/2023,02/20/2024,6,$420.00,0,Instagram,Tina\n'
    'Hank,Lowe,hank.lowe@yahoo.com,(555) 201-8890,,,Dayton,OH,45403,02/05/2024,'
    '02/05/2024,1,$55.00,0,Walk-in,Tina\n'
    'Ivy,Moss,,(555) 201-1122,,,,,,,,0,$0.00,0,Facebook,\n'
    'Jo,Park,jo.park@outlook.com,(555) 201-4455,09/30,8 Elm St,Kettering,OH,45429,'
    '11/02/2023,03/01/2024,3,$180.00,1,Grace Kim,Ray\n'
    'Kay,Ross,kay.ross@gmail.com,(555) 201-6677,,,Dayton,OH,45402,03/04/2024,03/04/2024,'
    '1,$35.00,2,Google,Ray\n'
)


def test_an_order_total_on_each_line_counts_once(tmp_path):
    """Lena 22 (two lines, 2 May: an Order Total of 24 less its tip of 2, as every tip is
    left out of a sale's price: test_left_alone_s17b) and 5 (9 May), Max 40 (refunded,
    still a day bought on), Omar 25: 4 purchases of 92; Nell's voided order a
    cancellation. Before: 118 (the order's total counted on both its lines)."""
    cli_import_text(tmp_path, "orders.csv", SQUARE_ONLINE)
    assert kind_totals(tmp_path, "purchase") == (4, 92.0)
    assert kind_totals(tmp_path, "refund") == (1, 40.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_a_one_line_order_total_is_still_summed_by_line_elsewhere(tmp_path):
    """A bare "Total" on two lines of one order (24 and 24) is each line's: 48."""
    cli_import_text(tmp_path, "orders.csv", (
        "Order ID,Date,Customer,Product,Total,Status\n"
        "A1,2024-05-02,Ann Lee,Mug,24.00,Paid\n"
        "A1,2024-05-02,Ann Lee,Bowl,24.00,Paid\n"
        "A2,2024-05-03,Bo Park,Mug,24.00,Paid\n"))
    assert kind_totals(tmp_path, "purchase") == (2, 72.0)


def test_reservations_complete_beside_no_show_are_visits_kept(tmp_path):
    """Liam 212.40 (5 Apr) and 98 (12 Apr), Olive 145.50: 3 purchases of 455.90; Noah
    cancelled; Mila a no-show, then booked (a time to come: consideration). Before: no
    purchase, [4, 1, 0, 0, 0]."""
    cli_import_text(tmp_path, "reservations.csv", SEVENROOMS)
    assert kind_totals(tmp_path, "purchase") == (3, 455.9)
    assert kind_totals(tmp_path, "cancellation")[0] == 1
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 0]


def test_reservations_without_money_leave_the_sales_to_the_till(tmp_path):
    """Completed beside No Show on a list with no amount: bookings, no sales (the till's
    payments say them: test_files_together_s16)."""
    cli_import_text(tmp_path, "reservations.csv", (
        "Reservation Date,Guest Name,Party Size,Status,Email\n"
        "2024-04-05,Liam Shaw,4,Completed,liam@shaw.me\n"
        "2024-04-06,Mila Ross,2,No Show,mila@ross.me\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_a_task_list_completed_is_still_no_sale(tmp_path):
    """Completed and Cancelled without a no-show: tasks, not visits kept."""
    cli_import_text(tmp_path, "reservations.csv", (
        "Reservation Date,Guest,Status,Check Total\n"
        "2024-04-05,Liam Shaw,Completed,100.00\n"
        "2024-04-06,Mila Ross,Cancelled,0.00\n"))
    assert kind_totals(tmp_path, "purchase") == (0, None)


def test_suitecrm_opportunities_are_for_their_accounts(tmp_path):
    """Acme Dental won 5,000 and 1,200 (two days: retention); Cobalt (Perception
    Analysis) and Delta (Proposal/Price Quote) considering; Brightside lost; Echo
    prospecting: 5 clients, [5, 3, 1, 1, 0]. Before: 6 clients, [6, 4, 2, 0, 0]."""
    cli_import_text(tmp_path, "Opportunities.csv", SUITECRM)
    assert names(tmp_path) == ["Acme Dental", "Brightside Realty", "Cobalt Fitness",
                               "Delta Motors", "Echo Farms"]
    assert kind_totals(tmp_path, "won") == (2, 6200.0)
    assert cli_funnel(tmp_path) == [5, 3, 1, 1, 0]


def test_a_deposit_booking_is_a_sale_of_what_was_paid(tmp_path):
    """Ellie 180 and 120 paid, Finn's Deposit 60 of 240; Gus void, Hope pending, Ian's
    staff comp of 0: 3 purchases of 360. Before: 540."""
    cli_import_text(tmp_path, "bookings.csv", CHECKFRONT)
    assert kind_totals(tmp_path, "purchase") == (3, 360.0)
    assert cli_funnel(tmp_path) == [5, 2, 2, 1, 0]


def test_a_lead_ads_test_lead_is_no_client(tmp_path):
    """Jamie (twice), Lee, Rosa: 3 leads; Meta's test lead rejected. Before: 4."""
    found = cli_import_text(tmp_path, "leads.csv", FACEBOOK_LEADS)
    assert names(tmp_path) == ["Jamie Cole", "Lee Wong", "Rosa Diaz"]
    assert found["rejected"] == 1
    assert cli_funnel(tmp_path) == [3, 0, 0, 0, 0]


def test_a_form_asks_the_respondents_name(tmp_path):
    """Nora 10, Pia 9 (promoters), Owen 6 then 7 (one respondent), an unnamed answer of 8
    kept by its Respondent ID; the "Test" row rejected: 5 answers, [4, 2, 2, 2, 2].
    Before: 5 nameless respondents, the test a promoter, [5, 3, 3, 3, 3]."""
    found = cli_import_text(tmp_path, "responses.csv", TALLY)
    assert found["rejected"] == 1
    assert sorted(n for n in names(tmp_path) if n) == ["Nora Blake", "Owen Price", "Pia Lund"]
    assert kind_totals(tmp_path, "nps") == (5, 40.0)
    assert cli_funnel(tmp_path) == [4, 2, 2, 2, 2]


def test_myob_co_last_name_and_first_name(tmp_path):
    """Fitzroy Florist (a company: no first name) bought 5 Mar (two lines, 66 + 11, paid
    77) and 26 Mar (55), Linh Nguyen 220 on 12 Mar of which 100 is paid (a part-paid
    invoice counts its paid part: session 18, was 220); Otway Hotel's quote a contact:
    3 purchases of 77 + 55 + 100 = 232 with tax (was 352), [3, 2, 2, 1, 0]. Before
    session 17: 1 client "Linh", [1, 1, 1, 0, 0]."""
    cli_import_text(tmp_path, "ITEMSALE.csv", MYOB)
    assert names(tmp_path) == ["Fitzroy Florist", "Linh Nguyen", "Otway Hotel"]
    assert kind_totals(tmp_path, "purchase") == (3, 232.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_tiktok_shop_orders(tmp_path):
    """jess_makes 25.98 (2 May) and 9.74 (20 May), kev.r 44.50 (two lines of one order),
    leo_b 24 (refunded in full, still a day bought on); amy_t cancelled: 4 purchases of
    104.22, 1 refund of 24, [4, 3, 3, 1, 0]. The row of field descriptions is rejected.
    Before: 4 clients keyed by zip code, no names, no amounts."""
    cli_import_text(tmp_path, "orders.csv", TIKTOK)
    assert names(tmp_path) == ["amy_t", "jess_makes", "kev.r", "leo_b"]
    assert kind_totals(tmp_path, "purchase") == (4, 104.22)
    assert kind_totals(tmp_path, "refund") == (1, 24.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_depop_refunded_to_buyer(tmp_path):
    """Sofia 31.50 (1 May) and a bundle of 18.50 + 10 (10 May), Tom 38.50, Uma 63.50
    refunded: 162 in 5 lines, 1 refund of 63.50. Before: no refund."""
    cli_import_text(tmp_path, "sales.csv", DEPOP)
    assert kind_totals(tmp_path, "purchase") == (5, 162.0)
    assert kind_totals(tmp_path, "refund") == (1, 63.5)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_a_referral_source_naming_a_client(tmp_path):
    """Grace 6 visits, Jo 3 (repeat), Hank and Kay 1, Ivy none; Jo's Referral Source
    "Grace Kim" credits Grace: [5, 4, 4, 2, 1]. Before: [5, 4, 4, 2, 0]."""
    cli_import_text(tmp_path, "clients.csv", SALON_IRIS)
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE referrals = 1") == [
        ("Grace Kim",)]
    assert cli_funnel(tmp_path) == [5, 4, 4, 2, 1]
