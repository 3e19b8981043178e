import { partyOf, type Filing, type FilingParty } from '../model.ts';
import { type XmlNode, xml } from './xml.ts';

const addr = (p: FilingParty | undefined): XmlNode[] => [
  ['Street', p?.address?.line1],
  ['City', p?.address?.city],
  ['PostCode', p?.address?.postalCode],
  ['Country', p?.address?.country ?? p?.country],
];
const party = (tag: string, p: FilingParty | undefined, extra: XmlNode[] = []): XmlNode => [
  tag,
  p ? [['Name', p.name], ...extra, ['Address', addr(p)]] : undefined,
];

/**
 * ICS2 entry summary declaration, version 3: the F-message data groups (house-level consignment with
 * goods items) as XML. PLACI uses the 7+1 subset only.
 */
export function encodeEns(f: Filing): string {
  const placi = f.header.ensVariant === 'placi';
  const seller = partyOf(f, 'seller');
  const consignee = partyOf(f, 'consignee');
  const declarant = partyOf(f, 'declarant');
  return xml([
    'ENS',
    [
      [
        'MessageType',
        placi
          ? 'F50'
          : f.transport.mode === 'ocean'
            ? 'F12'
            : f.transport.mode === 'road'
              ? 'F30'
              : f.transport.mode === 'rail'
                ? 'F40'
                : 'F23',
      ],
      ['Version', f.header.ensVersion],
      ['LRN', f.header.reference],
      ['DocumentIssueDate', f.header.declarationDate],
      [
        'Declarant',
        [
          ['IdentificationNumber', declarant?.ids.eori],
          ['Name', declarant?.name],
        ],
      ],
      [
        'ActiveBorderTransportMeans',
        placi
          ? undefined
          : [
              ['ModeOfTransport', f.transport.mode],
              ['IdentificationNumber', f.transport.conveyance],
              ['Carrier', f.transport.carrierCode ?? f.transport.carrierName],
              ['EstimatedDateAndTimeOfArrival', f.transport.arrival],
              ['CustomsOfficeOfFirstEntry', f.transport.customsOffice],
            ],
      ],
      [
        'ConsignmentHouseLevel',
        [
          [
            'TransportDocument',
            [
              ['Type', f.transport.mode === 'ocean' ? 'N714' : 'N741'],
              ['Reference', f.transport.houseBill ?? f.transport.masterBill],
            ],
          ],
          ['TotalGrossMass', f.transport.grossWeightKg],
          ['NumberOfPackages', f.transport.packages],
          ['PlaceOfLoading', f.transport.portOfLading],
          ['PlaceOfUnloading', placi ? undefined : f.transport.portOfUnlading],
          party('Consignor', seller),
          party('Consignee', consignee),
          placi ? ['Buyer', undefined] : party('Buyer', partyOf(f, 'buyer')),
          placi ? ['Seller', undefined] : party('Seller', seller),
          [
            'TransportEquipment',
            f.transport.containers.map((c): XmlNode => ['ContainerIdentificationNumber', c]),
          ],
          ...f.lines.map(
            (l): XmlNode => [
              'GoodsItem',
              [
                ['GoodsItemNumber', l.lineNo],
                ['DescriptionOfGoods', l.description],
                ['HarmonizedSystemSubHeadingCode', placi ? undefined : l.hsCode.slice(0, 6)],
                ['GrossMass', placi ? undefined : l.grossWeightKg],
                ['CountryOfOrigin', placi ? undefined : l.originCountry],
              ],
            ],
          ),
        ],
      ],
    ],
    { xmlns: 'urn:eu:taxud:ics2:ens:v3' },
  ]);
}

/** EU H7 low-value import declaration (Delegated Regulation 2015/2446 Annex B, column H7). */
export function encodeH7(f: Filing): string {
  const seller = partyOf(f, 'seller');
  const consignee = partyOf(f, 'consignee');
  return xml([
    'H7Declaration',
    [
      ['LRN', f.header.reference],
      ['AdditionalDeclarationType', 'A'],
      ['Declarant', [['EORI', partyOf(f, 'declarant')?.ids.eori]]],
      ['IOSSNumber', seller?.ids.ioss],
      party('Consignor', seller),
      party('Consignee', consignee),
      ['TransportDocument', f.transport.masterBill],
      ['TotalIntrinsicValue', f.header.totalCustomsValue, { currency: f.header.regimeCurrency }],
      ['InvoiceCurrency', f.header.invoiceCurrency],
      ['TotalGrossMass', f.transport.grossWeightKg],
      ...f.header.fees.map(
        (x): XmlNode => [
          'Duty',
          [
            ['TaxType', x.code],
            ['Amount', x.amount],
            ['Basis', x.basis],
          ],
        ],
      ),
      ...f.lines.map(
        (l): XmlNode => [
          'GoodsItem',
          [
            ['SequenceNumber', l.lineNo],
            ['DescriptionOfGoods', l.description],
            ['CommodityCode', l.hsCode.slice(0, 6)],
            ['IntrinsicValue', l.customsValue],
            ['CountryOfOrigin', l.originCountry],
            ['NumberOfItems', l.quantity],
          ],
        ],
      ),
    ],
    { xmlns: 'urn:eu:taxud:h7:v1' },
  ]);
}

/** UK CDS import declaration as WCO Data Model DMS XML (HMRC CDS Declaration API). */
export function encodeCds(f: Filing): string {
  const declarant = partyOf(f, 'declarant');
  const importer = partyOf(f, 'importer_of_record') ?? partyOf(f, 'consignee');
  const seller = partyOf(f, 'seller');
  return xml([
    'md:MetaData',
    [
      ['md:WCODataModelVersionCode', '3.6'],
      ['md:WCOTypeName', 'DEC'],
      ['md:ResponsibleCountryCode', 'GB'],
      ['md:ResponsibleAgencyName', 'HMRC'],
      [
        'Declaration',
        [
          ['FunctionCode', '9'],
          ['FunctionalReferenceID', f.header.reference],
          ['TypeCode', `${f.header.declarationType}${f.header.additionalDeclarationType}`],
          ['GoodsItemQuantity', f.lines.length],
          ['TotalPackageQuantity', f.transport.packages],
          ['InvoiceAmount', f.header.totalValue, { currencyID: f.header.invoiceCurrency }],
          ['Declarant', [['ID', declarant?.ids.eori]]],
          [
            'Exporter',
            [
              ['Name', seller?.name],
              ['Address', addr(seller)],
            ],
          ],
          [
            'GoodsShipment',
            [
              ['TransactionNatureCode', f.header.natureOfTransaction],
              [
                'Consignment',
                [
                  [
                    'ArrivalTransportMeans',
                    [
                      [
                        'ModeCode',
                        f.transport.mode === 'ocean'
                          ? '1'
                          : f.transport.mode === 'road'
                            ? '3'
                            : f.transport.mode === 'rail'
                              ? '2'
                              : '4',
                      ],
                    ],
                  ],
                  ['GoodsLocation', [['ID', f.transport.customsOffice]]],
                  ['TransportContractDocument', [['ID', f.transport.masterBill]]],
                ],
              ],
              ['ExportCountry', [['ID', f.transport.countryOfExport]]],
              [
                'Importer',
                [
                  ['ID', importer?.ids.eori],
                  ['Name', importer?.name],
                  ['Address', addr(importer)],
                ],
              ],
              ['Seller', [['ID', seller?.ids.vat]]],
              ...f.header.fees.map(
                (x): XmlNode => [
                  'DutyTaxFee',
                  [
                    ['TypeCode', x.code],
                    ['Payment', [['PaymentAmount', x.amount, { currencyID: x.currency }]]],
                  ],
                ],
              ),
              ...f.lines.map(
                (l): XmlNode => [
                  'GovernmentAgencyGoodsItem',
                  [
                    ['SequenceNumeric', l.lineNo],
                    ['StatisticalValueAmount', l.customsValue, { currencyID: f.header.regimeCurrency }],
                    [
                      'Commodity',
                      [
                        ['Description', l.description],
                        [
                          'Classification',
                          [
                            ['ID', l.hsCode.slice(0, 8)],
                            ['IdentificationTypeCode', 'TSP'],
                          ],
                        ],
                        [
                          'Classification',
                          [
                            ['ID', l.hsCode.slice(8, 10)],
                            ['IdentificationTypeCode', 'TRC'],
                          ],
                        ],
                        [
                          'GoodsMeasure',
                          [
                            ['NetNetWeightMeasure', l.netWeightKg, { unitCode: 'KGM' }],
                            ['TariffQuantity', l.tariffQuantity],
                          ],
                        ],
                      ],
                    ],
                    [
                      'GovernmentProcedure',
                      [
                        ['CurrentCode', f.header.procedureCode?.slice(0, 2)],
                        ['PreviousCode', f.header.procedureCode?.slice(2, 4)],
                      ],
                    ],
                    ['GovernmentProcedure', [['CurrentCode', f.header.additionalProcedureCode]]],
                    [
                      'Origin',
                      [
                        ['CountryCode', l.originCountry],
                        ['TypeCode', '1'],
                      ],
                    ],
                    ['ValuationAdjustment', [['AdditionCode', '0000']]],
                    ['CustomsValuation', [['MethodCode', f.header.valuationMethod]]],
                  ],
                ],
              ),
            ],
          ],
        ],
        { xmlns: 'urn:wco:datamodel:WCO:DEC-DMS:2' },
      ],
    ],
    { 'xmlns:md': 'urn:wco:datamodel:WCO:DocumentMetaData-DMS:2' },
  ]);
}
