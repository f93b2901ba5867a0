<SUBMISSION>
<ACCESSION-NUMBER>0001234567-21-000321
<TYPE>8-K
<PUBLIC-DOCUMENT-COUNT>2
<PERIOD>20210810
<ITEMS>8.01
<ITEMS>9.01
<FILING-DATE>20210811
<DATE-OF-FILING-DATE-CHANGE>20210811
<FILER>
<COMPANY-DATA>
<CONFORMED-NAME>CORRIGAN INDUSTRIAL SUPPLY CORP
<CIK>0001234567
<ASSIGNED-SIC>5084
<ORGANIZATION-NAME>07 Trade & Services
<IRS-NUMBER>391847720
<STATE-OF-INCORPORATION>WI
<FISCAL-YEAR-END>0930
</COMPANY-DATA>
<FILING-VALUES>
<FORM-TYPE>8-K
<ACT>34
<FILE-NUMBER>001-14482
<FILM-NUMBER>211162790
</FILING-VALUES>
<BUSINESS-ADDRESS>
<STREET1>1850 TANNERY ROAD
<CITY>GREEN BAY
<STATE>WI
<ZIP>54304
<PHONE>920-555-0113
</BUSINESS-ADDRESS>
<MAIL-ADDRESS>
<STREET1>1850 TANNERY ROAD
<CITY>GREEN BAY
<STATE>WI
<ZIP>54304
</MAIL-ADDRESS>
</FILER>
<DOCUMENT>
<TYPE>8-K
<SEQUENCE>1
<FILENAME>cisc-20210810x8k.htm
<DESCRIPTION>8-K
<TEXT>
<html>
<head><title>Corrigan Industrial Supply Corp - Form 8-K</title></head>
<body style="font-family: Times New Roman; font-size: 10pt">
<p style="text-align:center"><b>UNITED STATES<br/>SECURITIES AND EXCHANGE COMMISSION</b><br/>Washington, D.C. 20549</p>
<p style="text-align:center"><b>FORM 8-K</b></p>
<p style="text-align:center"><b>CURRENT REPORT</b><br/>Pursuant to Section 13 or 15(d) of the Securities Exchange Act of 1934</p>
<p style="text-align:center">Date of Report (Date of earliest event reported): August 10, 2021</p>
<p style="text-align:center"><b>CORRIGAN INDUSTRIAL SUPPLY CORP.</b><br/>(Exact name of registrant as specified in its charter)</p>
<table style="width:100%">
<tr><td style="text-align:center">Wisconsin</td><td style="text-align:center">001-14482</td><td style="text-align:center">39-1847720</td></tr>
<tr><td style="text-align:center">(State of incorporation)</td><td style="text-align:center">(Commission File Number)</td><td style="text-align:center">(I.R.S. Employer Identification No.)</td></tr>
</table>
<p style="text-align:center">1850 Tannery Road, Green Bay, Wisconsin 54304<br/>(Address of principal executive offices)</p>
<p style="text-align:center">(920) 555-0113<br/>(Registrant&#8217;s telephone number, including area code)</p>
<table style="width:100%">
<tr><td>Title of each class</td><td>Trading Symbol</td><td>Name of each exchange on which registered</td></tr>
<tr><td>Common Stock, $0.10 par value</td><td>CISC</td><td>New York Stock Exchange</td></tr>
</table>

<p><b>Item 8.01. Other Events.</b></p>
<p>On August 10, 2021, the Board of Directors of Corrigan Industrial Supply Corp. (the &#8220;Company&#8221;) approved a three-for-two split of the Company&#8217;s common stock, to be effected in the form of a 50% stock dividend. Shareholders of record at the close of business on August 24, 2021 will receive one additional share of common stock for every two shares held, and the additional shares are expected to be distributed on September 7, 2021. Cash will be paid in lieu of fractional shares based on the closing price of the common stock on the record date. The Company&#8217;s common stock is expected to begin trading on a split-adjusted basis on the New York Stock Exchange on September 8, 2021.</p>
<p>The Company last split its common stock in 2013, when it distributed a two-for-one split. On August 10, 2021, the Company issued a press release announcing the stock split, a copy of which is filed as Exhibit 99.1 and incorporated herein by reference.</p>

<p><b>Item 9.01. Financial Statements and Exhibits.</b></p>
<p>(d) Exhibits</p>
<table>
<tr><td>99.1</td><td>Press release dated August 10, 2021 announcing a three-for-two stock split.</td></tr>
<tr><td>104</td><td>Cover Page Interactive Data File (embedded within the Inline XBRL document).</td></tr>
</table>

<p style="text-align:center"><b>SIGNATURES</b></p>
<p>Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly caused this report to be signed on its behalf by the undersigned hereunto duly authorized.</p>
<p>CORRIGAN INDUSTRIAL SUPPLY CORP.</p>
<p>Date: August 11, 2021&#160;&#160;&#160;&#160;By: /s/ Paulette J. Vandersloot<br/>Paulette J. Vandersloot<br/>Vice President, General Counsel and Secretary</p>
</body>
</html>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-99.1
<SEQUENCE>2
<FILENAME>cisc-20210810xex99_1.htm
<DESCRIPTION>EX-99.1
<TEXT>
<html>
<body style="font-family: Times New Roman; font-size: 10pt">
<p style="text-align:right">Exhibit 99.1</p>
<p style="text-align:center"><b>Corrigan Industrial Supply Declares Three-for-Two Stock Split</b></p>
<p>GREEN BAY, Wis., August 10, 2021 &#8212; Corrigan Industrial Supply Corp. (NYSE: CISC), a distributor of industrial fasteners, bearings and maintenance supplies, today announced that its Board of Directors has declared a 3-for-2 stock split of its common stock, payable in the form of a stock dividend.</p>
<p>Each shareholder of record at the close of business on Tuesday, August 24, 2021 will receive one additional share for every two shares owned, with the new shares to be distributed on Tuesday, September 7, 2021. The split will increase the number of shares outstanding from approximately 21.6 million to approximately 32.4 million.</p>
<p>&#8220;Our results over the past several years have been strong, and this split is intended to make our shares more accessible to a broader group of investors,&#8221; said Everett L. Staszak, Chairman and Chief Executive Officer.</p>
<p>The Board also noted that the quarterly dividend rate going forward will be adjusted proportionately to reflect the increased number of shares outstanding after the split.</p>
<p><b>About Corrigan Industrial Supply</b></p>
<p>Founded in 1962 and headquartered in Green Bay, Wisconsin, Corrigan Industrial Supply Corp. operates 48 branches serving manufacturing and maintenance customers throughout the upper Midwest.</p>
<p><b>Contact:</b> Investor Relations, (920) 555-0117</p>
</body>
</html>
</TEXT>
</DOCUMENT>
</SUBMISSION>
