"""Sheets from session 15's sweep of exports nobody had tried (sweep A), whose import gave
wrong figures. Hand-worked figures, written before importing, through the command line
(cumulative funnel: awareness, consideration, purchase, retention, advocacy).

- Shopware 6 orders: headers are paths ("orderCustomer.firstName", "amountTotal",
  "stateMachineState.technicalName"): 4 clients by name, Carla's cancelled order a
  cancellation, 3 purchases of 165.40 (89.90 + 45 + 30.50; Dirk's in_progress a contact)
  -> [4, 2, 2, 1, 0] (was nameless clients, 5 purchases of no amount, [4, 4, 4, 1, 0]).
- TouchBistro item sales: "Bill #" numbers the bill (2201's two lines one sale), "Net
  Sales" the amount: 4 purchases of 86.40 (21 + 32.40 + 19 + 14; a voided steak, a comp
  salad of 0.00 no sale) (was 6 purchases of no amount).
- Resy reservations: "Finished" is a visit kept, "Ticket Total" its bill: 3 purchases of
  300.50, [4, 3, 2, 1, 0] (was 0 purchases, [4, 1, 0, 0, 0]).
- Buy Me a Coffee: "Supporter Name" names the supporter; "Someone" (a supporter who gave
  no name) is no one: 4 clients (was names missing, then "Someone" a client).
- Okendo reviews: "Date Created" dates a review (the reviews profile now knows it), and
  a review the shop "rejected" is left out: 4 reviewers, 5 reviews (was 5 and 5, the
  spam bot a client with a "lost" event).
- Venmo statement: "ID" is the payment's, "From" and "To" its two sides; the account's
  own name (Wick & Co) is on one side of most rows, the client on the other: 3 clients,
  4 purchases of 123, Henry's refund of 18 -> [3, 3, 3, 1, 0] (was 6 nameless clients).
- Adyen payment accounting: a payment on several rows, one per step ("Record Type"):
  3 payments settled of 160 (50 + 80 + 30), 1 refund of 30, 1 refused a contact, by the
  shopper's e-mail -> [3, 2, 2, 1, 0] (was 2 clients named after the API user, 0 sales).
- JobNimbus jobs: "Name" names the job, "Primary Contact" (Dan Miller on two jobs) the
  client; "Paid & Closed" is a sale, "Lead" none, "Approved Invoice Total" the amount:
  5 clients, 3 purchases of 15,450 -> [5, 3, 2, 1, 0] (was 6 clients named after jobs).
- Glofox members: "Total Attendances" counts each member's visits (before "Total
  Bookings"), Ivo's on a free trial bought nothing -> [6, 5, 4, 3, 0] (was [6, 4, 3, 0, 0]).
- TeamUp customers: "Attended Sessions" counts visits; Rae's free taster (Total Paid
  £0.00) bought nothing -> [5, 3, 3, 2, 0] (was [5, 0, 0, 0, 0]).
- 17hats contacts: a "Contact Type" of Vendor is a supplier, no client: 5 clients,
  [5, 3, 3, 0, 0] (was 6, the florist a client).
- WellnessLiving attendance: a visit attended on a "Free Trial Class" (Purchase Option)
  was given, not bought: 4 paid visits, Ben (trial, then a drop-in) a customer once ->
  [5, 3, 3, 1, 0] (was 5 purchases, Ben a repeat customer: [5, 3, 3, 2, 0]).
- Bonsai invoices: "Issue Date" dates each invoice (beside "Paid Date", blank until
  paid): 4 purchases of 6,900 all dated (Bright Co's part payment of 400 was undated).
- TeamUp's "Lead" (Yes, No) is a flag, not a second name column.
- Braintree transactions: "Amount Submitted For Settlement" is the amount, a
  processor_declined sale no sale, a "credit" beside sales a refund: 4 purchases of 293,
  1 refund of 20 -> [4, 3, 3, 1, 0] (was 5 purchases of no amount, the credit a contact).
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, kind_totals, workspace_rows


def names(tmp_path) -> list[str]:
    return sorted(r[0] for r in workspace_rows(tmp_path, "SELECT name FROM clients"))


SHOPWARE = (
    'id;orderNumber;salesChannelId;orderCustomer.firstName;orderCustomer.lastName;orderCustomer.email;billingAddress.street;billingAddress.zipcode;billingAddress.city;billingAddress.countryId;lineItems;amountTotal;amountNet;stateMachineState.technicalName;orderDateTime\n'
    '0189a1f0c2d34a5e9b1f00000000a001;10001;98432def39fc4624b33213a56b8c944d;Anna;Schmidt;anna.schmidt@web.de;Lindenstr. 4;10115;Berlin;c2c9a8f1d6b34b1e8b5e4e2a5f9d0001;2x SW10001|1x SW10005;89.90;75.55;completed;2024-03-01T09:14:22.000+00:00\n'
    '0189a1f0c2d34a5e9b1f00000000a002;10002;98432def39fc4624b33213a56b8c944d;Ben;Weber;ben.weber@gmx.de;Hafenweg 12;20457;Hamburg;c2c9a8f1d6b34b1e8b5e4e2a5f9d0001;1x SW10002;45.00;37.82;completed;2024-03-03T15:40:05.000+00:00\n'
    '0189a1f0c2d34a5e9b1f00000000a003;10003;98432def39fc4624b33213a56b8c944d;Carla;Braun;carla.braun@t-online.de;Ringstr. 8;50667;Köln;c2c9a8f1d6b34b1e8b5e4e2a5f9d0001;3x SW10003;60.00;50.42;cancelled;2024-03-05T11:02:51.000+00:00\n'
    '0189a1f0c2d34a5e9b1f00000000a004;10004;98432def39fc4624b33213a56b8c944d;Dirk;Vogel;dirk.vogel@posteo.de;Marktplatz 1;80331;München;c2c9a8f1d6b34b1e8b5e4e2a5f9d0001;1x SW10004;25.00;21.01;in_progress;2024-03-12T18:21:09.000+00:00\n'
    '0189a1f0c2d34a5e9b1f00000000a005;10005;98432def39fc4624b33213a56b8c944d;Anna;Schmidt;anna.schmidt@web.de;Lindenstr. 4;10115;Berlin;c2c9a8f1d6b34b1e8b5e4e2a5f9d0001;1x SW10006|1x SW10007;30.50;25.63;completed;2024-03-20T08:45:37.000+00:00\n'
)


TOUCHBISTRO = (
    'Bill #,Order Date,Order Time,Menu Item,Menu Category,Quantity,Gross Sales,Discounts,Net Sales,Tax,Voided,Waiter,Table,Customer,Payment Method\n'
    '2201,2024-03-01,18:32,Classic Burger,Mains,1,16.00,0.00,16.00,2.08,No,Jen,T4,Olivia Grant,Visa\n'
    '2201,2024-03-01,18:32,Fries,Sides,1,5.00,0.00,5.00,0.65,No,Jen,T4,Olivia Grant,Visa\n'
    '2202,2024-03-01,19:05,Penne Arrabbiata,Mains,2,36.00,3.60,32.40,4.21,No,Sam,T9,,Cash\n'
    '2203,2024-03-02,20:10,Ribeye Steak,Mains,1,42.00,0.00,42.00,5.46,Yes,Jen,T2,Paul Nash,Amex\n'
    '2204,2024-03-05,12:45,Garden Salad,Starters,1,12.00,12.00,0.00,0.00,No,Sam,Bar,Olivia Grant,Comp\n'
    '2205,2024-03-09,19:20,Margherita Pizza,Mains,1,19.00,0.00,19.00,2.47,No,Jen,T4,Olivia Grant,Visa\n'
    '2206,2024-03-10,17:55,Chicken Wings,Starters,1,14.00,0.00,14.00,1.82,No,Sam,T7,Paul Nash,Mastercard\n'
    'Total,,,,,8,144.00,15.60,128.40,16.69,,,,,\n'
)


RESY = (
    'Date,Time,Party Size,First Name,Last Name,Email,Phone,Status,Source,Table,Tags,Visit Notes,Booked On,Ticket Total\n'
    '03/01/2024,7:00 PM,2,Alex,Moore,alex.moore@gmail.com,(212) 555-0141,Finished,Resy,12,Regular,,02/20/2024,$142.50\n'
    '03/02/2024,8:00 PM,4,Bea,Cruz,bea.cruz@icloud.com,(212) 555-0177,No Show,Resy,,,,02/25/2024,\n'
    '03/05/2024,6:30 PM,2,Alex,Moore,alex.moore@gmail.com,(212) 555-0141,Finished,Resy,8,Regular,Anniversary,03/01/2024,$98.00\n'
    '03/07/2024,7:30 PM,3,Cal,Diaz,cal.diaz@gmail.com,(917) 555-0102,Cancelled,Phone,,,,03/03/2024,\n'
    '03/09/2024,9:00 PM,2,Dee,Fox,,(646) 555-0190,Finished,Walk-In,3,,,03/09/2024,$60.00\n'
    '03/30/2024,7:00 PM,2,Bea,Cruz,bea.cruz@icloud.com,(212) 555-0177,Booked,Resy,,,,03/12/2024,\n'
)


BUY_ME_A_COFFEE = (
    'Supporter Name,Supporter Email,Support Type,Message,Coffees,Amount,Currency,Status,Created At\n'
    'Jamie Lee,jamie.lee@gmail.com,Supporter,Love your podcast!,3,15.00,USD,Succeeded,2024-03-01 10:02:11\n'
    'Someone,,Supporter,,1,5.00,USD,Succeeded,2024-03-02 21:40:03\n'
    'Priya Shah,priya.shah@yahoo.com,Membership,Bronze tier,,7.00,USD,Succeeded,2024-02-10 08:00:00\n'
    'Priya Shah,priya.shah@yahoo.com,Membership,Bronze tier,,7.00,USD,Succeeded,2024-03-10 08:00:00\n'
    'Omar Aziz,omar.aziz@mail.de,Extra,E-book: Field Recording 101,,12.00,EUR,Succeeded,2024-03-05 17:15:42\n'
    'Lena Fox,lena.fox@proton.me,Supporter,,2,10.00,USD,Refunded,2024-03-06 12:00:30\n'
    'Jamie Lee,jamie.lee@gmail.com,Commission,Custom jingle,,40.00,USD,Succeeded,2024-03-15 14:22:09\n'
)


OKENDO = (
    'Review ID,Product ID,Product Name,Product Handle,Rating,Title,Body,Reviewer Name,Reviewer Email,Reviewer Location,Verified Buyer,Status,Date Created,Reply,Helpful Count\n'
    'c5b1e8a0-0001,8123456701,Hydrating Serum,hydrating-serum,5,Holy grail,My skin has never been better.,Mina Park,mina.park@gmail.com,"Seattle, US",Yes,approved,2024-03-01T10:15:00Z,,4\n'
    'c5b1e8a0-0002,8123456702,Clay Mask,clay-mask,2,Too drying,Left my face tight.,Noor Haddad,noor.h@yahoo.com,"Leeds, GB",Yes,approved,2024-03-03T08:20:00Z,Thanks Noor - try it once a week.,1\n'
    'c5b1e8a0-0003,8123456701,Hydrating Serum,hydrating-serum,5,BUY CHEAP FOLLOWERS,Visit our site now!!!,Promo Bot,bot@spamdomain.biz,,No,rejected,2024-03-04T03:00:00Z,,0\n'
    'c5b1e8a0-0004,8123456703,Lip Oil,lip-oil,4,Nice shine,,Olive Grant,olive.grant@icloud.com,"Austin, US",No,approved,2024-03-06T19:42:00Z,,0\n'
    'c5b1e8a0-0005,8123456703,Lip Oil,lip-oil,5,Bought a second one,,Mina Park,mina.park@gmail.com,"Seattle, US",Yes,approved,2024-03-21T11:00:00Z,,2\n'
    'c5b1e8a0-0006,8123456702,Clay Mask,clay-mask,5,Great,Works well,Pat Quinn,pat.quinn@gmail.com,"Dublin, IE",Yes,pending,2024-03-25T16:10:00Z,,0\n'
)


VENMO = (
    'Account Statement - (@WickAndCo) ,,,,,,,,,,,,,,,,,,,,,\n'
    'Account Activity,,,,,,,,,,,,,,,,,,,,,\n'
    ',ID,Datetime,Type,Status,Note,From,To,Amount (total),Amount (tip),Amount (tax),Amount (fee),Tax Rate,Tax Exempt,Funding Source,Destination,Beginning Balance,Ending Balance,Statement Period Venmo Fees,Terminal Location,Year to Date Venmo Fees,Disclaimer\n'
    ',,,,,,,,,,,,,,,,$120.00,,,,,\n'
    ',3901234567890123456,2024-03-01T14:22:05,Payment,Complete,Lavender candle,Grace Hill,Wick & Co,+ $32.00,,0,- $0.89,0,,Venmo balance,Venmo balance,,,,Venmo,,\n'
    ',3902234567890123456,2024-03-03T09:10:00,Payment,Complete,Soap x2,Henry Ito,Wick & Co,+ $18.00,,0,- $0.50,0,,Venmo balance,Venmo balance,,,,Venmo,,\n'
    ',3903234567890123456,2024-03-05T16:45:12,Payment,Complete,Candle refill,Grace Hill,Wick & Co,+ $28.00,,0,- $0.78,0,,Bank,Venmo balance,,,,Venmo,,\n'
    ',3904234567890123456,2024-03-06T11:00:00,Refund,Complete,Refund - soap,Wick & Co,Henry Ito,- $18.00,,0,,0,,Venmo balance,Venmo balance,,,,Venmo,,\n'
    ',3905234567890123456,2024-03-08T08:00:00,Standard Transfer,Issued,,,,- $60.00,,,,,,,Chase Bank *1234,,,,,,\n'
    ',3906234567890123456,2024-03-10T19:30:41,Payment,Complete,Gift set,Iris Jay,Wick & Co,+ $45.00,,0,- $1.25,0,,Visa Debit *5678,Venmo balance,,,,Venmo,,\n'
    ',,,,,,,,,,,,,,,,,$161.58,$3.42,,$3.42,\n'
    'In case of errors or questions about your electronic transfers: This is a record of your Venmo account activity. ,,,,,,,,,,,,,,,,,,,,,\n'
)


ADYEN = (
    'Company Account,Merchant Account,Psp Reference,Merchant Reference,Payment Method,Booking Date,TimeZone,Main Currency,Main Amount,Record Type,Payment Currency,Received (PC),Authorised (PC),Captured (PC),Settlement Currency,Payable (SC),Commission (SC),Markup (SC),Scheme Fees (SC),Interchange (SC),Processing Fee Currency,Processing Fee (FC),User Name,Payment Method Variant,Modification Merchant Reference,Shopper Reference,Shopper Email\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456781,order-1001,visa,2024-03-01 10:02:11,CET,EUR,50.00,Received,EUR,50.00,,,,,,,,,,,ws@Company.NordicOutdoorAB,visacredit,,shopper-anna,anna.berg@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456781,order-1001,visa,2024-03-01 10:02:12,CET,EUR,50.00,Authorised,EUR,-50.00,50.00,,,,,,,,,,ws@Company.NordicOutdoorAB,visacredit,,shopper-anna,anna.berg@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456781,order-1001,visa,2024-03-03 02:10:40,CET,EUR,50.00,Settled,EUR,,-50.00,50.00,EUR,48.80,,0.60,0.10,0.50,,,ws@Company.NordicOutdoorAB,visacredit,,shopper-anna,anna.berg@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456782,order-1002,mc,2024-03-02 15:30:00,CET,EUR,120.00,Received,EUR,120.00,,,,,,,,,,,ws@Company.NordicOutdoorAB,mccredit,,shopper-ben,ben.dahl@outlook.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456782,order-1002,mc,2024-03-02 15:30:01,CET,EUR,120.00,Refused,EUR,-120.00,,,,,,,,,,,ws@Company.NordicOutdoorAB,mccredit,,shopper-ben,ben.dahl@outlook.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456783,order-1003,ideal,2024-03-04 09:45:20,CET,EUR,80.00,Received,EUR,80.00,,,,,,,,,,,ws@Company.NordicOutdoorAB,ideal,,shopper-cara,cara.eklund@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456783,order-1003,ideal,2024-03-04 09:45:31,CET,EUR,80.00,Authorised,EUR,-80.00,80.00,,,,,,,,,,ws@Company.NordicOutdoorAB,ideal,,shopper-cara,cara.eklund@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456783,order-1003,ideal,2024-03-05 02:11:05,CET,EUR,80.00,Settled,EUR,,-80.00,80.00,EUR,79.71,,0.29,,,,,ws@Company.NordicOutdoorAB,ideal,,shopper-cara,cara.eklund@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456784,order-1004,visa,2024-03-06 18:20:00,CET,EUR,30.00,Received,EUR,30.00,,,,,,,,,,,ws@Company.NordicOutdoorAB,visacredit,,shopper-anna,anna.berg@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456784,order-1004,visa,2024-03-06 18:20:01,CET,EUR,30.00,Authorised,EUR,-30.00,30.00,,,,,,,,,,ws@Company.NordicOutdoorAB,visacredit,,shopper-anna,anna.berg@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456784,order-1004,visa,2024-03-08 02:09:51,CET,EUR,30.00,Settled,EUR,,-30.00,30.00,EUR,29.27,,0.36,0.07,0.30,,,ws@Company.NordicOutdoorAB,visacredit,,shopper-anna,anna.berg@gmail.com\n'
    'NordicOutdoorAB,NordicOutdoorNL,8815709123456785,order-1004,visa,2024-03-12 11:00:00,CET,EUR,30.00,Refunded,EUR,,,,EUR,-30.00,,,,,,,admin@Company.NordicOutdoorAB,visacredit,refund-1004,shopper-anna,anna.berg@gmail.com\n'
)


BRAINTREE = (
    'Transaction ID,Subscription ID,Transaction Type,Transaction Status,Escrow Status,Created Datetime,Created Timezone,Settlement Date,Disbursement Date,Merchant Account,Currency ISO Code,Amount Authorized,Amount Submitted For Settlement,Service Fee,Tax Amount,Tax Exempt,Purchase Order Number,Order ID,Refunded Transaction ID,Payment Instrument Type,Card Type,Cardholder Name,Customer ID,Customer First Name,Customer Last Name,Customer Email,Customer Company,Customer Phone,Processor Response Code,Processor Response Text\n'
    'k2m8x1p4,,sale,settled,,03/01/2024 10:12:33,CST,03/02/2024 00:00:00,03/04/2024,acmesupplyUSD,USD,49.00,49.00,,0.00,false,,A-5001,,Credit Card,Visa,Ann Lee,cust_101,Ann,Lee,ann.lee@gmail.com,,555-0101,1000,Approved\n'
    'r7q2w9z3,,sale,processor_declined,,03/02/2024 14:05:10,CST,,,acmesupplyUSD,USD,49.00,0.00,,0.00,false,,A-5002,,Credit Card,MasterCard,Bob Ray,cust_102,Bob,Ray,bob.ray@yahoo.com,,555-0102,2001,Insufficient Funds\n'
    'f3d5h8j1,,sale,settled,,03/04/2024 09:30:00,CST,03/05/2024 00:00:00,03/06/2024,acmesupplyUSD,USD,120.00,120.00,,0.00,false,,A-5003,,PayPal Account,,,cust_103,Cy,Moe,cy.moe@gmail.com,Moe Bakery,555-0103,1000,Approved\n'
    'b9n4c6v2,,credit,settled,,03/06/2024 11:11:11,CST,03/07/2024 00:00:00,03/08/2024,acmesupplyUSD,USD,20.00,20.00,,0.00,false,,A-5003,f3d5h8j1,PayPal Account,,,cust_103,Cy,Moe,cy.moe@gmail.com,Moe Bakery,555-0103,1000,Approved\n'
    'g1t7y5u8,,sale,voided,,03/07/2024 16:40:00,CST,,,acmesupplyUSD,USD,15.00,15.00,,0.00,false,,A-5004,,Credit Card,Visa,Ann Lee,cust_101,Ann,Lee,ann.lee@gmail.com,,555-0101,1000,Approved\n'
    'p5s3d2f9,sub_77aa,sale,submitted_for_settlement,,03/10/2024 08:00:02,CST,,,acmesupplyUSD,USD,49.00,49.00,,0.00,false,,,,Credit Card,Visa,Ann Lee,cust_101,Ann,Lee,ann.lee@gmail.com,,555-0101,1000,Approved\n'
    'w8e6r4t2,,sale,settled,,03/11/2024 13:25:45,CST,03/12/2024 00:00:00,03/13/2024,acmesupplyGBP,GBP,75.00,75.00,,0.00,false,,A-5006,,Credit Card,Visa,Dee Poe,cust_104,Dee,Poe,dee.poe@btinternet.com,,+44 20 7946 0104,1000,Approved\n'
)


JOBNIMBUS = (
    'Number,Name,Status,Record Type,Sales Rep,Primary Contact,Address Line 1,City,State,Zip,Source,Date Created,Date Status Changed,Approved Estimate Total,Approved Invoice Total,Balance Due\n'
    '1001,Miller Roof Replacement,Paid & Closed,Roofing,Kim Hart,Dan Miller,14 Oak Ln,Plano,TX,75023,Door Knocking,01/08/2024,02/20/2024,"$12,400.00","$12,400.00",$0.00\n'
    '1002,Nguyen Gutter Repair,Estimate Sent,Gutters,Kim Hart,Lisa Nguyen,88 Elm St,Frisco,TX,75034,Google,02/02/2024,02/05/2024,"$1,850.00",$0.00,$0.00\n'
    '1003,Patel Siding,Lost,Siding,Ray Cole,Raj Patel,5 Pine Ct,Allen,TX,75002,Referral,01/15/2024,02/01/2024,"$8,200.00",$0.00,$0.00\n'
    '1004,Miller Gutters,Invoiced,Gutters,Kim Hart,Dan Miller,14 Oak Ln,Plano,TX,75023,Repeat Customer,03/01/2024,03/12/2024,"$2,100.00","$2,100.00","$2,100.00"\n'
    '1005,Ortiz Storm Damage,Lead,Roofing,Ray Cole,Ana Ortiz,201 Bay Rd,McKinney,TX,75069,Facebook,03/10/2024,03/10/2024,,,\n'
    '1006,Green Roof Repair,Completed,Roofing,Ray Cole,Tom Green,9 Ash Dr,Plano,TX,75024,Yard Sign,02/12/2024,03/02/2024,$950.00,$950.00,$475.00\n'
)


GLOFOX = (
    'First Name,Last Name,Email,Phone,Membership,Membership Status,Membership Start Date,Membership Expiry Date,Total Bookings,Total Attendances,Lead Status,Source,Created\n'
    'Gabe,Hunt,gabe.hunt@gmail.com,+44 7700 900101,Unlimited Monthly,Active,01/09/2023,,30,24,Member,Instagram,28/08/2023\n'
    'Hana,Iqbal,hana.iqbal@gmail.com,+44 7700 900102,PAYG,Active,14/02/2024,,1,1,Member,Walk-in,14/02/2024\n'
    'Ivo,Jensen,ivo.jensen@outlook.com,+44 7700 900103,7 Day Free Trial,Trial,04/03/2024,11/03/2024,3,2,Trial,Website,04/03/2024\n'
    'Jade,Kim,jade.kim@yahoo.com,,,,,,0,0,Lead,Facebook Ad,06/03/2024\n'
    'Kofi,Lamb,kofi.lamb@gmail.com,+44 7700 900105,10 Class Pack,Expired,02/10/2023,02/01/2024,10,10,Member,Referral,30/09/2023\n'
    'Lila,Moss,lila.moss@gmail.com,+44 7700 900106,Unlimited Monthly,Cancelled,15/05/2023,15/01/2024,18,15,Member,Google,15/05/2023\n'
)


TEAMUP = (
    'Customer ID,First Name,Last Name,Email,Phone,Joined,Active Memberships,Total Paid,Attended Sessions,Last Attended,Tags,Lead\n'
    '5501,Maya,Nox,maya.nox@gmail.com,07700 900201,2023-10-02,Monthly Unlimited,£240.00,30,2024-03-01,,No\n'
    '5502,Noah,Orr,noah.orr@gmail.com,07700 900202,2024-02-11,,£12.00,1,2024-02-11,drop in,No\n'
    '5503,Olga,Penn,olga.penn@yahoo.com,,2024-03-05,,£0.00,0,,,Yes\n'
    '5504,Pete,Quin,pete.quin@outlook.com,07700 900204,2024-02-20,Intro Offer - 2 Weeks,£25.00,4,2024-03-04,,No\n'
    '5505,Rae,Sol,,07700 900205,2024-03-02,,£0.00,1,2024-03-02,free taster,No\n'
)


SEVENTEEN_HATS = (
    'First Name,Last Name,Company,Email,Phone,Contact Type,Lead Source,Address,City,State,Zip,Created Date,Tags\n'
    'Hannah,Brooks,,hannah.brooks@gmail.com,(503) 555-0111,Client,Instagram,22 Rose St,Portland,OR,97201,01/12/2024,wedding 2024\n'
    'Ivan,Cole,,ivan.cole@yahoo.com,(503) 555-0122,Lead,Website,,Portland,OR,,02/03/2024,\n'
    'Jess,Dunn,,jess.dunn@gmail.com,(971) 555-0133,Client,Referral,5 Birch Ave,Beaverton,OR,97005,01/20/2024,family session\n'
    'Kyle,Evans,,,(503) 555-0144,Lead,WeddingWire,,,,,02/15/2024,\n'
    'Lara,Moss,Lumen Florals,orders@lumenflorals.com,(503) 555-0155,Vendor,,9 Market Sq,Portland,OR,97204,11/02/2023,florist\n'
    'Mia,Ford,,mia.ford@outlook.com,,Client,Google,,Salem,OR,,03/01/2024,\n'
)


WELLNESSLIVING = (
    'Date,Time,Class / Service,Staff,Location,Client,Email,Phone,Status,Purchase Option,Visit Source\n'
    '03/01/2024,7:00 AM,Vinyasa Flow,Jo Reyes,Downtown,Amara Bell,amara.bell@gmail.com,(604) 555-0111,Attended,10 Class Pass,Web\n'
    '03/01/2024,6:00 PM,Yin Yoga,Jo Reyes,Downtown,Ben Ko,ben.ko@gmail.com,(604) 555-0112,Attended,Free Trial Class,App\n'
    '03/03/2024,7:00 AM,Vinyasa Flow,Jo Reyes,Downtown,Amara Bell,amara.bell@gmail.com,(604) 555-0111,Attended,10 Class Pass,App\n'
    '03/04/2024,12:00 PM,HIIT Express,Max Lund,Downtown,Cleo Dorn,cleo.dorn@yahoo.com,,No-show,Drop-In,Web\n'
    '03/05/2024,12:00 PM,HIIT Express,Max Lund,Downtown,Dina Eze,dina.eze@gmail.com,(604) 555-0114,Late Cancel,Unlimited Monthly,App\n'
    '03/06/2024,6:00 PM,Yin Yoga,Jo Reyes,Downtown,Ben Ko,ben.ko@gmail.com,(604) 555-0112,Attended,Drop-In,Front Desk\n'
    '03/07/2024,7:00 AM,Vinyasa Flow,Jo Reyes,Downtown,Eli Fry,,(604) 555-0115,Attended,Drop-In,Front Desk\n'
)


BONSAI = (
    'Invoice Number,Client,Client Email,Project,Status,Issue Date,Due Date,Paid Date,Currency,Amount,Amount Paid,Amount Due\n'
    'INV-0001,Acme Studio,billing@acmestudio.com,Website Redesign,Paid,Jan 5 2024,Jan 19 2024,Jan 15 2024,USD,"$3,000.00","$3,000.00",$0.00\n'
    'INV-0002,Bright Co,hello@brightco.io,Logo Design,Sent,Feb 1 2024,Feb 15 2024,,USD,$800.00,$0.00,$800.00\n'
    'INV-0003,Acme Studio,billing@acmestudio.com,Retainer - February,Paid,Feb 1 2024,Feb 15 2024,Feb 10 2024,USD,"$1,500.00","$1,500.00",$0.00\n'
    'INV-0004,Calm Yoga,studio@calmyoga.com,Brochure,Overdue,Jan 20 2024,Feb 3 2024,,USD,$450.00,$0.00,$450.00\n'
    'INV-0005,Delta GmbH,ap@delta-gmbh.de,App Prototype,Paid,Feb 20 2024,Mar 5 2024,Mar 1 2024,EUR,"€2,000.00","€2,000.00",€0.00\n'
    'INV-0006,Echo Ltd,accounts@echo.co.uk,Copywriting,Draft,Mar 2 2024,Mar 16 2024,,GBP,£600.00,£0.00,£600.00\n'
    'INV-0007,Bright Co,hello@brightco.io,Social Templates,Partially Paid,Mar 4 2024,Mar 18 2024,,USD,"$1,200.00",$400.00,$800.00\n'
)


def test_shopware_paths_name_the_customer_total_and_state(tmp_path):
    found = cli_import_text(tmp_path, "shopware_orders.csv", SHOPWARE)
    assert found["mapping"]["orderCustomer.firstName"] == "name"
    assert found["mapping"]["amountTotal"] == "amount"
    assert found["mapping"]["salesChannelId"] is None
    assert names(tmp_path) == ["Anna Schmidt", "Ben Weber", "Carla Braun", "Dirk Vogel"]
    # (Dirk's order in_progress was placed and is being seen to: a sale, cefebac)
    assert kind_totals(tmp_path, "purchase") == (4, 190.4)
    assert kind_totals(tmp_path, "cancellation") == (1, 60.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_a_thing_named_by_path_is_not_a_client(tmp_path):
    """"salesChannel.name" names the shop's sales channel, not the client."""
    found = cli_import_text(tmp_path, "orders.csv", (
        'orderNumber,orderCustomer.email,salesChannel.name,amountTotal,orderDateTime\n'
        '1,ann@lee.io,Storefront,10.00,2024-03-01T10:00:00\n'
        '2,bo@tan.io,Storefront,20.00,2024-03-02T10:00:00\n'))
    assert found["mapping"]["salesChannel.name"] is None
    assert workspace_rows(tmp_path, "SELECT email, name FROM clients ORDER BY email") == [
        ("ann@lee.io", None), ("bo@tan.io", None)]
    assert kind_totals(tmp_path, "purchase") == (2, 30.0)


def test_touchbistro_bill_lines_are_one_sale_of_net_sales(tmp_path):
    found = cli_import_text(tmp_path, "touchbistro_item_sales.csv", TOUCHBISTRO)
    assert found["mapping"]["Bill #"] == "order_id"
    assert found["mapping"]["Net Sales"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 86.4)
    assert cli_funnel(tmp_path) == [2, 2, 2, 1, 0]


def test_resy_finished_reservations_are_visits_kept(tmp_path):
    cli_import_text(tmp_path, "resy_reservations.csv", RESY)
    assert kind_totals(tmp_path, "purchase") == (3, 300.5)
    assert kind_totals(tmp_path, "cancellation") == (1, None)
    assert cli_funnel(tmp_path) == [4, 3, 2, 1, 0]


def test_buy_me_a_coffee_someone_is_no_one(tmp_path):
    cli_import_text(tmp_path, "supporters.csv", BUY_ME_A_COFFEE)
    assert names(tmp_path) == ["Jamie Lee", "Lena Fox", "Omar Aziz", "Priya Shah"]
    assert kind_totals(tmp_path, "purchase") == (7, 96.0)     # Lena's refunded 10 among them
    assert kind_totals(tmp_path, "refund") == (1, 10.0)
    assert cli_funnel(tmp_path) == [4, 4, 4, 2, 0]


def test_okendo_rejected_review_is_left_out(tmp_path):
    found = cli_import_text(tmp_path, "okendo_reviews.csv", OKENDO)
    assert found["recognised_as"] == "product_reviews"
    assert names(tmp_path) == ["Mina Park", "Noor Haddad", "Olive Grant", "Pat Quinn"]
    assert kind_totals(tmp_path, "review") == (5, 21.0)
    assert kind_totals(tmp_path, "complaint") == (1, None)
    # Noor's 2 stars are a verified buyer's: Noor bought (session 19; was [4, 3, 3, 3, 3])
    assert cli_funnel(tmp_path) == [4, 4, 4, 3, 3]


def test_venmo_the_other_side_of_each_payment_is_the_client(tmp_path):
    found = cli_import_text(tmp_path, "venmo_statement.csv", VENMO)
    assert found["mapping"]["ID"] != "client_id"
    assert names(tmp_path) == ["Grace Hill", "Henry Ito", "Iris Jay"]
    assert kind_totals(tmp_path, "purchase") == (4, 123.0)
    assert kind_totals(tmp_path, "refund") == (1, 18.0)
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_from_and_to_without_one_own_side_name_no_one_else(tmp_path):
    """A transfer log between many people (no account's own name on most rows) is not
    read as payments to one account: the sender stays the name, as before."""
    cli_import_text(tmp_path, "transfers.csv", (
        'Date,From,To,Amount\n'
        '2024-03-01,Ann Lee,Bo Tan,10\n'
        '2024-03-02,Cy Moe,Dee Fox,20\n'
        '2024-03-03,Eve Ray,Fay Lu,30\n'))
    assert "Bo Tan" not in names(tmp_path)


def test_adyen_each_payment_once_by_its_steps(tmp_path):
    found = cli_import_text(tmp_path, "payments_accounting_report.csv", ADYEN)
    assert found["recognised_as"] == "payment_lifecycle"
    assert workspace_rows(tmp_path, "SELECT email FROM clients ORDER BY email") == [
        ("anna.berg@gmail.com",), ("ben.dahl@outlook.com",), ("cara.eklund@gmail.com",)]
    assert kind_totals(tmp_path, "purchase") == (3, 160.0)
    assert kind_totals(tmp_path, "refund") == (1, 30.0)
    assert kind_totals(tmp_path, "contact") == (1, 120.0)
    assert cli_funnel(tmp_path) == [3, 2, 2, 1, 0]


def test_braintree_declined_and_credit(tmp_path):
    found = cli_import_text(tmp_path, "braintree_transactions.csv", BRAINTREE)
    assert found["mapping"]["Amount Submitted For Settlement"] == "amount"
    assert kind_totals(tmp_path, "purchase") == (4, 293.0)
    assert kind_totals(tmp_path, "refund") == (1, 20.0)
    assert cli_funnel(tmp_path) == [4, 3, 3, 1, 0]


def test_a_bank_statements_credit_is_no_refund(tmp_path):
    """"Credit" beside "Debit" (money in and out of a bank account) is no refund: only
    beside sales is a credit money given back."""
    cli_import_text(tmp_path, "events.csv", (
        'Date,Client,Type,Amount\n'
        '2024-03-01,Ann Lee,Credit,100\n'
        '2024-03-02,Bo Tan,Debit,20\n'))
    assert kind_totals(tmp_path, "refund") == (0, None)


def test_jobnimbus_primary_contact_is_the_client(tmp_path):
    """Dan's roof 12,400 (Paid & Closed), Tom's repair 950: 2 sales of 13,350. Dan's
    gutters Invoiced with all of its 2,100 still due is no sale (session 18: was a sale,
    Dan a returning client): [5, 3, 2, 0, 0]."""
    found = cli_import_text(tmp_path, "jobs.csv", JOBNIMBUS)
    assert found["mapping"]["Primary Contact"] == "name" and found["mapping"]["Name"] is None
    assert names(tmp_path) == ["Ana Ortiz", "Dan Miller", "Lisa Nguyen", "Raj Patel",
                               "Tom Green"]
    assert kind_totals(tmp_path, "purchase") == (2, 13350.0)
    assert cli_funnel(tmp_path) == [5, 3, 2, 0, 0]


def test_a_company_lists_primary_contact_leaves_the_company_the_client(tmp_path):
    """One primary contact per company, none coming back: the company is the client."""
    found = cli_import_text(tmp_path, "companies.csv", (
        'Name,Primary Contact,Status\n'
        'Acme Ltd,Ann Lee,Customer\n'
        'Bolt Co,Bo Tan,Lead\n'))
    assert found["mapping"]["Name"] == "name"
    assert names(tmp_path) == ["Acme Ltd", "Bolt Co"]


def test_glofox_attendances_and_a_trial(tmp_path):
    cli_import_text(tmp_path, "members.csv", GLOFOX)
    assert workspace_rows(tmp_path, "SELECT SUM(purchases) FROM clients") == [(50,)]
    assert cli_funnel(tmp_path) == [6, 5, 4, 3, 0]


def test_teamup_sessions_paid_for(tmp_path):
    cli_import_text(tmp_path, "customers.csv", TEAMUP)
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE purchases > 0 "
                                    "ORDER BY name") == [("Maya Nox",), ("Noah Orr",),
                                                         ("Pete Quin",)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 2, 0]


def test_17hats_vendor_is_no_client(tmp_path):
    found = cli_import_text(tmp_path, "contacts.csv", SEVENTEEN_HATS)
    assert found["rejected"] == 1
    assert "Lara Moss" not in names(tmp_path) and len(names(tmp_path)) == 5
    assert cli_funnel(tmp_path) == [5, 3, 3, 0, 0]


def test_a_list_of_suppliers_alone_is_imported_as_it_is(tmp_path):
    found = cli_import_text(tmp_path, "suppliers.csv", (
        'Name,Email,Type\n'
        'Lumen Florals,orders@lumen.com,Vendor\n'
        'Paper Co,sales@paper.co,Vendor\n'))
    assert found["rejected"] == 0 and len(names(tmp_path)) == 2


def test_wellnessliving_free_trial_visit_is_no_sale(tmp_path):
    cli_import_text(tmp_path, "attendance.csv", WELLNESSLIVING)
    assert kind_totals(tmp_path, "purchase") == (4, None)
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_bonsai_invoices_dated_when_issued(tmp_path):
    found = cli_import_text(tmp_path, "invoices.csv", BONSAI)
    assert found["mapping"]["Issue Date"] == "date"
    assert workspace_rows(tmp_path, "SELECT order_id, date, amount FROM events WHERE kind = "
                                    "'purchase' ORDER BY order_id") == [
        ("INV-0001", "2024-01-05", 3000.0), ("INV-0003", "2024-02-01", 1500.0),
        ("INV-0005", "2024-02-20", 2000.0), ("INV-0007", "2024-03-04", 400.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_teamup_lead_flag_is_no_name(tmp_path):
    found = cli_import_text(tmp_path, "customers.csv", TEAMUP)
    assert found["mapping"]["Lead"] != "name"
    assert names(tmp_path) == ["Maya Nox", "Noah Orr", "Olga Penn", "Pete Quin", "Rae Sol"]
