"""Exports of tools no sweep had tried (sweep s13 H), whose import gave wrong figures.
Hand-worked figures (/tmp/s13/sweepH/EXPECTED.md, written before importing), through the
command line (cumulative funnel: awareness, consideration, purchase, retention, advocacy).
File names are neutral ("export.csv") where a name would otherwise say what the rows are.

- A sales history with a row-level column (Lightspeed X-Series' "Line Type": Sale, Sale
  Line, Payment) counts each sale once, by its own row.
- An invoice "Sent" or "Viewed" is not paid; "Partial" is part paid (a sale); "Reversed"
  is cancelled (Invoice Ninja).
- A donation's "Donated Amount" is its amount (Donorbox: revenue was none).
- A booking export's "Cost" is the booking's price (Setmore: no sale was counted).
- A client list's "Visits" counts what each client came and paid for (Booksy).
- Of a total before tax and the same with tax, the one with tax is what was paid
  (ServiceM8's "Total (ex GST)" and "Total (inc GST)"); a job quoted or booked is a client
  considering, on a sheet read by its status beside a paid flag.
- A product reviews export (Yotpo's review_score, display_name) is read as reviews: 1-2
  stars are complaints too, 3 stars no advocacy.
- A pipeline's "Pitched" is consideration; a CRM's "Past Client" has bought.
"""

from __future__ import annotations

from conftest import cli_funnel, cli_import_text, workspace_rows

KINDS = "SELECT kind, COUNT(*), ROUND(SUM(amount), 2) FROM events GROUP BY kind ORDER BY kind"

LIGHTSPEED = (
    'Date,Receipt Number,Line Type,Customer Code,Customer Name,Note,Quantity,Subtotal,Sales Tax,Discount,Loyalty,Total,Paid,Details,Register,User,Status,Sku,AccountCodeSale,AccountCodePurchase\n'
    '2026-03-02 10:14:05,1001,Sale,MAYA-01,Maya Chen,,2,40.00,4.00,0,0,44.00,44.00,,Main Register,amy,CLOSED,,,\n'
    '2026-03-02 10:14:05,1001,Sale Line,MAYA-01,Maya Chen,,2,40.00,4.00,0,0,44.00,,Ceramic Mug,Main Register,amy,CLOSED,MUG-01,200,300\n'
    '2026-03-02 10:14:05,1001,Payment,MAYA-01,Maya Chen,,,,,,,,44.00,Credit Card,Main Register,amy,CLOSED,,,\n'
    '2026-03-02 11:02:40,1002,Sale,,,,1,15.00,1.50,0,0,16.50,16.50,,Main Register,amy,CLOSED,,,\n'
    '2026-03-02 11:02:40,1002,Sale Line,,,,1,15.00,1.50,0,0,16.50,,Tea Towel,Main Register,amy,CLOSED,TT-02,200,300\n'
    '2026-03-02 11:02:40,1002,Payment,,,,,,,,,,16.50,Cash,Main Register,amy,CLOSED,,,\n'
    '2026-03-05 15:30:00,1003,Sale,LEO-02,Leo Grant,,3,100.00,10.00,0,0,110.00,110.00,,Main Register,amy,CLOSED,,,\n'
    '2026-03-05 15:30:00,1003,Sale Line,LEO-02,Leo Grant,,1,60.00,6.00,0,0,66.00,,Vase,Main Register,amy,CLOSED,VASE-1,200,300\n'
    '2026-03-05 15:30:00,1003,Sale Line,LEO-02,Leo Grant,,2,40.00,4.00,0,0,44.00,,Ceramic Mug,Main Register,amy,CLOSED,MUG-01,200,300\n'
    '2026-03-05 15:30:00,1003,Payment,LEO-02,Leo Grant,,,,,,,,110.00,Credit Card,Main Register,amy,CLOSED,,,\n'
    '2026-03-15 09:45:12,1004,Sale,MAYA-01,Maya Chen,,1,20.00,2.00,0,0,22.00,22.00,,Main Register,amy,CLOSED,,,\n'
    '2026-03-15 09:45:12,1004,Sale Line,MAYA-01,Maya Chen,,1,20.00,2.00,0,0,22.00,,Candle,Main Register,amy,CLOSED,CAN-3,200,300\n'
    '2026-03-15 09:45:12,1004,Payment,MAYA-01,Maya Chen,,,,,,,,22.00,Cash,Main Register,amy,CLOSED,,,\n'
    '2026-03-16 13:00:00,1005,Sale,LEO-02,Leo Grant,,1,50.00,5.00,0,0,55.00,0.00,,Main Register,amy,VOIDED,,,\n'
    '2026-03-16 13:00:00,1005,Sale Line,LEO-02,Leo Grant,,1,50.00,5.00,0,0,55.00,,Planter,Main Register,amy,VOIDED,PL-4,200,300\n'
    '2026-03-18 10:20:00,1006,Sale,LEO-02,Leo Grant,,-2,-40.00,-4.00,0,0,-44.00,-44.00,,Main Register,amy,CLOSED,,,\n'
    '2026-03-18 10:20:00,1006,Sale Line,LEO-02,Leo Grant,,-2,-40.00,-4.00,0,0,-44.00,,Ceramic Mug,Main Register,amy,CLOSED,MUG-01,200,300\n'
    '2026-03-18 10:20:00,1006,Payment,LEO-02,Leo Grant,,,,,,,,-44.00,Credit Card,Main Register,amy,CLOSED,,,\n'
    '2026-03-20 16:40:00,1007,Sale,PIA-03,Pia Russo,,1,72.73,7.27,0,0,80.00,0.00,,Main Register,amy,ONACCOUNT,,,\n'
    '2026-03-20 16:40:00,1007,Sale Line,PIA-03,Pia Russo,,1,72.73,7.27,0,0,80.00,,Throw Blanket,Main Register,amy,ONACCOUNT,TB-5,200,300\n'
    '2026-03-20 16:40:00,1007,Payment,PIA-03,Pia Russo,,,,,,,,80.00,On Account,Main Register,amy,ONACCOUNT,,,\n')

INVOICE_NINJA = (
    'Client,Number,Date,Due Date,Amount,Balance,Paid to Date,Status,PO Number,Discount,Public Notes\n'
    'Brightwave Studio,0001,2026-02-03,2026-03-05,"$1,200.00",$0.00,"$1,200.00",Paid,BW-22,0,Brand guidelines\n'
    'Nolan Ortiz,0002,2026-02-10,2026-02-24,$450.00,$0.00,$450.00,Paid,,0,\n'
    'Quarry Books,0003,2026-02-15,2026-03-17,"$2,000.00","$1,000.00","$1,000.00",Partial,QB-7,0,50% deposit received\n'
    'Nolan Ortiz,0004,2026-03-10,2026-03-24,$450.00,$0.00,$450.00,Paid,,0,\n'
    'Delia Shaw,0005,2026-03-12,2026-04-11,$300.00,$300.00,$0.00,Sent,,0,\n'
    'Quarry Books,0006,2026-03-15,2026-04-14,$800.00,$0.00,$0.00,Cancelled,QB-8,0,cancelled - scope moved to 0003\n'
    'Brightwave Studio,0007,2026-03-18,2026-04-17,"$1,200.00",$0.00,$0.00,Reversed,BW-23,0,credited back\n'
    'Test Client,0008,2026-03-20,2026-03-20,$10.00,$10.00,$0.00,Draft,,0,\n')

DONORBOX = (
    'Name,Donating Company,First Name,Last Name,Email,Make Donation Anonymous,City,Country,Campaign,Designation,Donated Amount,Currency,Processing Fee,Platform Fee,Total Fee,Net Amount,Fee Covered,Donor Comment,Donated At,Donation Type,Recurring Donation,Status\n'
    'Helen Ward,,Helen,Ward,helen.ward@example.org,false,Portland,US,Spring Appeal,General Fund,50.00,USD,1.75,0.00,1.75,48.25,false,,2026-03-02 14:22:10 UTC,stripe,false,paid\n'
    'Omar Hassan,,Omar,Hassan,omar.h@example.org,false,Seattle,US,Monthly Giving,General Fund,25.00,USD,1.03,0.00,1.03,23.97,true,,2026-03-03 09:00:00 UTC,stripe,true,paid\n'
    'Julia Fern,,Julia,Fern,julia.fern@example.org,true,Boise,US,Spring Appeal,Scholarships,100.00,USD,3.20,0.00,3.20,96.80,false,In memory of my dad,2026-03-05 18:40:00 UTC,paypal,false,paid\n'
    'Pat Lee,Lee & Sons Ltd,Pat,Lee,pat@leesons.example,false,Tacoma,US,Spring Appeal,General Fund,500.00,USD,14.80,0.00,14.80,485.20,false,Company match,2026-03-08 11:05:00 UTC,stripe,false,paid\n'
    'Tina Brooks,,Tina,Brooks,tina.b@example.org,false,Eugene,US,Spring Appeal,General Fund,40.00,USD,1.46,0.00,1.46,38.54,false,,2026-03-10 20:10:00 UTC,stripe,false,refunded\n'
    'Helen Ward,,Helen,Ward,helen.ward@example.org,false,Portland,US,Spring Appeal,General Fund,50.00,USD,1.75,0.00,1.75,48.25,false,Second gift!,2026-03-28 13:00:00 UTC,stripe,false,paid\n'
    'Omar Hassan,,Omar,Hassan,omar.h@example.org,false,Seattle,US,Monthly Giving,General Fund,25.00,USD,1.03,0.00,1.03,23.97,true,,2026-04-03 09:00:00 UTC,stripe,true,paid\n')

SETMORE = (
    'Appointment Date,Start Time,End Time,Service,Staff,Customer Name,Customer Email,Customer Phone,Cost,Status,Booked From,Notes\n'
    '02 Mar 2026,09:00,10:00,Physio Assessment,Dr Kate Hill,Ruth Evans,ruth.evans@example.co.uk,07700 900201,£60.00,Completed,Booking Page,\n'
    '04 Mar 2026,11:00,11:45,Sports Massage,Sam Ford,Oliver Grant,oliver.grant@example.co.uk,07700 900202,£45.00,Completed,Facebook,\n'
    '05 Mar 2026,14:00,15:00,Physio Assessment,Dr Kate Hill,Ama Boateng,ama.b@example.co.uk,,£60.00,No show,Booking Page,\n'
    '09 Mar 2026,09:00,09:30,Follow-up,Dr Kate Hill,Ruth Evans,ruth.evans@example.co.uk,07700 900201,£40.00,Completed,Staff,\n'
    '11 Mar 2026,10:00,10:45,Sports Massage,Sam Ford,Test Customer,test@example.com,,£0.00,Cancelled,Staff,testing the booking page\n'
    '12 Mar 2026,16:00,16:30,Follow-up,Dr Kate Hill,Oliver Grant,oliver.grant@example.co.uk,07700 900202,£40.00,Cancelled,Booking Page,clash with work\n'
    '13 Mar 2026,08:00,09:00,Physio Assessment,Dr Kate Hill,,nina.k@example.co.uk,,£60.00,Completed,Google,\n'
    '16 Mar 2026,12:00,12:45,Sports Massage,Sam Ford,Liam Walsh,liam.walsh@example.co.uk,,£45.00,Completed,Google,\n'
    '23 Mar 2026,09:00,09:30,Follow-up,Dr Kate Hill,Ruth Evans,ruth.evans@example.co.uk,07700 900201,£40.00,Confirmed,Booking Page,\n')

BOOKSY = (
    'First Name,Last Name,Email,Phone,Gender,Birthday,Client Since,Last Visit,Visits,No-shows,Total Spent,Marketing Consent,Notes\n'
    'Alicia,Gomez,alicia.g@example.com,+1 312 555 0101,Female,04/12,06/14/2024,03/10/2026,6,0,$420.00,Yes,\n'
    'Ben,Carter,ben.carter@example.com,+1 312 555 0102,Male,,01/05/2026,01/05/2026,1,0,$35.00,No,\n'
    'Chloe,Park,chloe.park@example.com,+1 312 555 0103,Female,,02/01/2026,,0,1,$0.00,Yes,no-showed first booking\n'
    'Deon,Wright,deon.w@example.com,+1 312 555 0104,Male,09/30,11/02/2025,02/20/2026,2,0,$90.00,Yes,\n'
    ',Smith,esmith@example.com,+1 312 555 0105,,,10/10/2025,03/01/2026,3,0,$150.00,No,\n'
    'Farah,Ali,farah.ali@example.com,+1 312 555 0106,Female,,03/12/2026,,0,0,$0.00,Yes,\n'
    'Greg,Hall,greg.hall@example.com,+1 312 555 0107,Male,07/07,03/03/2023,03/14/2026,12,2,"$1,140.00",Yes,prefers Saturdays\n'
    'Hana,Sato,hana.sato@example.com,+1 312 555 0108,Female,,02/27/2026,02/27/2026,1,0,$45.00,No,\n')

SERVICEM8 = (
    'Job Number,Date,Status,Client,Contact First Name,Contact Last Name,Email,Mobile,Job Address,Job Description,Category,Total (ex GST),Total (inc GST),Invoice Sent,Payment Received,Payment Date,Source\n'
    '1001,02/03/2026,Completed,Harbour Cafe,Zoe,Barnes,accounts@harbourcafe.example,0412 345 601,"12 Wharf Rd, Balmain NSW 2041",Replace hot water unit,Plumbing,800.00,880.00,Yes,Yes,05/03/2026,Google\n'
    '1002,04/03/2026,Quote,Liam Carter,Liam,Carter,liam.carter@example.com.au,0412 345 602,"4 Hill St, Marrickville NSW 2204",Bathroom reno quote,Plumbing,1500.00,1650.00,No,No,,Hipages\n'
    '1003,05/03/2026,Unsuccessful,Mei Chen,Mei,Chen,mei.chen@example.com.au,0412 345 603,"9 Park Ave, Ashfield NSW 2131",Kitchen sink relocation,Plumbing,2000.00,2200.00,No,No,,Website\n'
    '1004,09/03/2026,Work Order,Bondi Dental,Raj,Iyer,admin@bondidental.example,0412 345 604,"88 Campbell Pde, Bondi NSW 2026",Install 3 basins,Commercial,3000.00,3300.00,No,No,,Referral\n'
    '1005,10/03/2026,Completed,Harbour Cafe,Zoe,Barnes,accounts@harbourcafe.example,0412 345 601,"12 Wharf Rd, Balmain NSW 2041",Blocked drain,Drainage,400.00,440.00,Yes,Yes,12/03/2026,Google\n'
    '1006,12/03/2026,Completed,Oscar Reid,Oscar,Reid,oscar.reid@example.com.au,0412 345 606,"3 Bay St, Glebe NSW 2037",Leaking tap,Plumbing,250.00,275.00,Yes,No,,Facebook\n'
    '1007,13/03/2026,Completed,Tess Murphy,Tess,Murphy,tess.m@example.com.au,0412 345 607,"21 King St, Newtown NSW 2042",Gas heater service,Gas,1000.00,1100.00,Yes,Yes,20/03/2026,Google\n'
    '1008,16/03/2026,Quote,Mei Chen,Mei,Chen,mei.chen@example.com.au,0412 345 603,"9 Park Ave, Ashfield NSW 2131",Smaller sink job - requote,Plumbing,900.00,990.00,No,No,,Website\n')

YOTPO = (
    'review_id,review_title,review_content,review_score,date,product_id,product_title,display_name,email,published,verified_buyer,comment_content\n'
    '301,Love it,Soft and warm,5,2026-03-02 10:00:00,8011,Merino Beanie,Nina V.,nina.v@example.com,true,true,\n'
    '302,Good,Runs a bit small,4,2026-03-03 12:30:00,8012,Wool Scarf,Omar S.,omar.s@example.com,true,true,\n'
    '303,Arrived damaged,Seam split on arrival,1,2026-03-04 09:15:00,8011,Merino Beanie,Paula R.,paula.r@example.com,true,true,So sorry Paula - replacement on its way\n'
    '304,Great,,5,2026-03-05 18:00:00,8013,Mittens,Anonymous,,true,false,\n'
    '305,Disappointed,Colour nothing like photo,2,2026-03-06 07:45:00,8012,Wool Scarf,Quinn T.,quinn.t@example.com,true,true,\n'
    '306,OK,Fine for the price,3,2026-03-07 14:20:00,8013,Mittens,Rita K.,rita.k@example.com,true,false,\n'
    '307,Second one!,Bought another colour,5,2026-03-15 11:00:00,8012,Wool Scarf,Nina V.,nina.v@example.com,true,true,\n'
    '308,Amazing,Best gift,5,2026-03-16 19:30:00,8011,Merino Beanie,Sam P.,sam.p@example.com,false,true,\n')

STREAK = (
    'Name,Stage,Notes,Assigned To,Date Created,Last Updated,Contacts,Organizations,Deal Size,Source\n'
    'Acme Corp website,Won,,me@studio.example,2/2/2026,2/20/2026,jill@acme.example,Acme Corp,"$5,000",Referral\n'
    'Birch Cafe rebrand,Pitched,sent deck,me@studio.example,2/10/2026,3/1/2026,owner@birchcafe.example,Birch Cafe,"$2,500",Instagram\n'
    'Coral Dental SEO,Lost,went with agency,me@studio.example,2/12/2026,2/28/2026,dr.reef@coraldental.example,Coral Dental,"$1,800",Google\n'
    'Dune Yoga site,Lead,,me@studio.example,3/1/2026,3/1/2026,hello@duneyoga.example,Dune Yoga,,Instagram\n'
    'Acme Corp retainer,Won,monthly,me@studio.example,3/15/2026,3/20/2026,jill@acme.example,Acme Corp,"$1,200",Referral\n'
    'Elm Law,Negotiating,,me@studio.example,3/3/2026,3/18/2026,partner@elmlaw.example,Elm Law LLP,"$8,000",LinkedIn\n'
    'Fig & Co,Contacted,,me@studio.example,3/5/2026,3/6/2026,fig@figco.example,Fig & Co,,Cold email\n'
    'Gale Bakery menu,Won,,me@studio.example,3/8/2026,3/12/2026,gale@galebakery.example,Gale Bakery,$650,Referral\n')

NOTION = (
    'Name,Company,Status,Email,Phone,Deal Value,Last Contacted,Source,Tags,Created time\n'
    'Hannah Reid,Reid Interiors,Won,hannah@reidinteriors.example,,"$3,200","March 4, 2026",Instagram,Branding,"February 2, 2026 10:15 AM"\n'
    'Ian Cho,,Proposal Sent,ian.cho@example.com,,"$1,800","March 6, 2026",Referral,Website,"February 10, 2026 3:40 PM"\n'
    'Jade Wu,Wu Bakery,Lost,jade@wubakery.example,,$900,"February 20, 2026",Google,Branding,"February 12, 2026 9:00 AM"\n'
    'Kai Olsen,,Lead,kai.olsen@example.com,,,,Referral,,"March 1, 2026 8:05 AM"\n'
    'Lena Marsh,Marsh Legal,Discovery Call,lena@marshlegal.example,,"$2,000","March 9, 2026",LinkedIn,Website,"March 2, 2026 1:00 PM"\n'
    'Marco Diaz,,Won,marco.diaz@example.com,,"$1,500","March 11, 2026",Instagram,Website,"February 25, 2026 4:20 PM"\n'
    'Owen Lane,Lane Cycles,Past Client,owen@lanecycles.example,,"$4,000","January 15, 2026",Referral,"Branding, Website","November 3, 2025 11:00 AM"\n'
    ',,Lead,,,,,,,"March 12, 2026 9:30 AM"\n')


def test_a_sales_history_of_sale_lines_and_payments_counts_each_sale_once(tmp_path):
    """Only the "Sale" rows are sales: 44 + 16.50 (walk-in, no client) + 110 + 22 + 80
    (on account) = 272.50; 1005 VOIDED (55) a cancellation; 1006's -44 a refund (Leo);
    Maya bought twice. Before: 6 purchases of 457 (lines and payments summed into their
    sale, the return a purchase of -44 among them), Leo's cancellation 110, [3, 3, 3, 2, 0]."""
    result = cli_import_text(tmp_path, "export.csv", LIGHTSPEED)
    assert result["rejected"] == 14       # 9 sale lines and 5 payments
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, 55.0), ("purchase", 5, 272.5), ("refund", 1, 44.0)]
    assert workspace_rows(tmp_path, "SELECT COUNT(*) FROM events WHERE kind = 'purchase' "
                                    "AND client_ref IS NULL") == [(1,)]
    assert cli_funnel(tmp_path) == [3, 3, 3, 1, 0]


def test_an_invoice_sent_is_unpaid_partial_is_a_sale_reversed_is_cancelled(tmp_path):
    """Paid 1,200 + 450 + 450 and Partial 1,000 (of 2,000: what was paid to date, as every
    part-paid invoice counts) = 4 sales of 3,100; Sent 300 and the draft
    10 no sale; Cancelled 800 and Reversed 1,200 cancellations; Nolan bought twice.
    Before: 6 purchases of 5,600 (Sent, Partial and Reversed read as purchases: statuses
    Journey did not know), [5, 4, 4, 2, 0]. ("Test Client" stays a client: left alone.)"""
    cli_import_text(tmp_path, "export.csv", INVOICE_NINJA)
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 2, 2000.0), ("contact", 2, 310.0), ("purchase", 4, 3100.0)]
    assert cli_funnel(tmp_path) == [5, 3, 3, 1, 0]


def test_a_donations_donated_amount_is_its_amount(tmp_path):
    """Donated Amount 50 + 25 + 100 + 500 + 40 + 50 + 25 = 790 over 7 gifts (not the Net
    Amount after fees); Tina's 40 refunded. Before: 7 purchases and a refund of no amount."""
    cli_import_text(tmp_path, "export.csv", DONORBOX)
    assert workspace_rows(tmp_path, KINDS) == [("purchase", 7, 790.0), ("refund", 1, 40.0)]
    assert cli_funnel(tmp_path) == [5, 5, 5, 2, 0]


def test_a_bookings_cost_is_its_price(tmp_path):
    """Completed: Ruth 60 + 40, Oliver 45, nina.k@ 60, Liam 45 = 5 sales of 250; one
    cancellation (Oliver's). The owner's test booking ("Test Customer", test@example.com)
    is no client (session 16: it was one, with a cancellation, [6, 5, 4, 1, 0]). Before: no
    sale at all (Setmore's "Cost" unread, so no completed booking had a price)."""
    found = cli_import_text(tmp_path, "export.csv", SETMORE)
    assert [p["value"] for p in found["problems"]] == ["Test Customer"]
    assert workspace_rows(tmp_path, KINDS) == [
        ("cancellation", 1, None), ("contact", 2, None), ("purchase", 5, 250.0)]
    assert cli_funnel(tmp_path) == [5, 5, 4, 1, 0]


def test_a_client_lists_visits_are_its_purchases(tmp_path):
    """Visits 6, 1, 0, 2, 3, 0, 12, 1: 6 clients came (25 visits), 4 of them twice or more;
    No-shows are no purchases. Before: [8, 0, 0, 0, 0] (Visits unread; Total Spent alone
    makes no customer)."""
    cli_import_text(tmp_path, "export.csv", BOOKSY)
    assert workspace_rows(tmp_path, "SELECT SUM(purchases), SUM(revenue_current) "
                                    "FROM clients") == [(25.0, 1880.0)]
    assert cli_funnel(tmp_path) == [8, 6, 6, 4, 0]


def test_a_total_with_tax_beats_the_same_before_tax_and_a_quote_is_considering(tmp_path):
    """Completed jobs inc GST 880 + 440 + 275 + 1,100 = 2,695 (ex GST 2,450); the quotes
    (Liam, Mei) and the work order (Bondi Dental) are clients considering. Before: 2,450
    (the ex-GST column came first), [6, 3, 3, 1, 0]."""
    cli_import_text(tmp_path, "export.csv", SERVICEM8)
    assert workspace_rows(tmp_path, KINDS) == [("contact", 4, 8140.0), ("purchase", 4, 2695.0)]
    assert cli_funnel(tmp_path) == [6, 6, 3, 1, 0]


def test_a_product_reviews_export_reads_its_review_score(tmp_path):
    """review_score 5, 4, 1, 5 (Anonymous: no one), 2, 3, 5, 5: advocacy Nina, Omar, Sam;
    Paula (1) and Quinn (2) complained. Before: every reviewer an advocate
    ([6, 6, 6, 6, 6], the score unread), no complaint. Paula and Quinn are verified
    buyers: purchase (session 19, were left at awareness): [6, 5, 5, 3, 3]."""
    cli_import_text(tmp_path, "export.csv", YOTPO)
    assert workspace_rows(tmp_path, KINDS) == [("complaint", 2, None), ("review", 8, 30.0)]
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE complaint_count = 1 "
                                    "ORDER BY name") == [("Paula R.",), ("Quinn T.",)]
    assert cli_funnel(tmp_path) == [6, 5, 5, 3, 3]


def test_a_pitch_is_consideration(tmp_path):
    """Streak: Pitched (Birch) and Negotiating (Elm) consider, 3 won deals of 6,850 (Acme
    twice). Before: "Pitched" left to map, [7, 3, 2, 1, 0]."""
    cli_import_text(tmp_path, "export.csv", STREAK)
    assert workspace_rows(tmp_path, "SELECT COUNT(*), SUM(amount) FROM events "
                                    "WHERE kind = 'won'") == [(3, 6850.0)]
    assert cli_funnel(tmp_path) == [7, 4, 2, 1, 0]


def test_a_past_client_has_bought(tmp_path):
    """Notion: Won Hannah (3,200) and Marco (1,500), Past Client Owen (4,000) bought;
    Proposal Sent and Discovery Call consider. Before: [7, 4, 2, 0, 0]."""
    cli_import_text(tmp_path, "export.csv", NOTION)
    assert workspace_rows(tmp_path, "SELECT name FROM clients WHERE furthest_stage = "
                                    "'purchase' ORDER BY name") == [
        ("Hannah Reid",), ("Marco Diaz",), ("Owen Lane",)]
    assert cli_funnel(tmp_path) == [7, 5, 3, 0, 0]
