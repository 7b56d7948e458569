// @ts-check
// Vietnamese first; English on request. Keys are shared by both dictionaries.
import { ERROR_TEXTS } from './error-texts.js';

const vi = {
  appName: 'Nguồn', tagline: 'Truy xuất nguồn gốc & in tem QR', login: 'Đăng nhập', logout: 'Đăng xuất',
  email: 'Email', password: 'Mật khẩu', loginFailed: 'Sai email hoặc mật khẩu', language: 'English',
  roles: { owner: 'Chủ sở hữu', admin: 'Quản trị', recorder: 'Nhân viên ghi chép', viewer: 'Chỉ xem' },
  nav: { lots: 'Lô hàng', harvest: 'Ghi thu hoạch', transform: 'Chế biến / Đóng gói', shipments: 'Vận chuyển', growingAreas: 'Vùng trồng', products: 'Sản phẩm', partners: 'Đối tác & hộ thành viên', facilities: 'Cơ sở', certifications: 'Chứng nhận', labels: 'In tem', audit: 'Kiểm tra chuỗi', links: 'Liên kết tổ chức', users: 'Người dùng', apiKeys: 'Khóa API', imports: 'Nhập từ Excel', outbox: 'Chờ gửi', fieldInput: 'Ghi phân bón / thuốc' },
  search: 'Tìm kiếm', create: 'Thêm mới', edit: 'Sửa', save: 'Lưu', cancel: 'Hủy', back: 'Quay lại', loading: 'Đang tải…', none: 'Chưa có dữ liệu', saved: 'Đã lưu', readOnly: 'Bạn chỉ có quyền xem.',
  more: 'Xem thêm', actions: 'Thao tác', details: 'Chi tiết', yes: 'Có', no: 'Không', offline: 'Mất kết nối mạng — thử lại sau.',
  fields: {
    name: 'Tên', kind: 'Loại', phone: 'Số điện thoại', citizenId: 'Số CCCD', taxCode: 'Mã số thuế', commune: 'Xã', province: 'Tỉnh', address: 'Địa chỉ', gln: 'GLN', notes: 'Ghi chú',
    code: 'Mã', codeIssuer: 'Cơ quan cấp mã', nameVi: 'Tên tiếng Việt', nameEn: 'Tên tiếng Anh', ocopGroup: 'Nhóm sản phẩm OCOP', gtin: 'GTIN (mã vạch)', unit: 'Đơn vị', netContent: 'Khối lượng tịnh / gói', netContentUnit: 'Đơn vị khối lượng tịnh', shelfLifeDays: 'Hạn sử dụng (ngày)', brand: 'Nhãn hiệu', description: 'Mô tả', imageUrl: 'Ảnh (URL)',
    level: 'Hạng / cấp', number: 'Số chứng nhận / quyết định', issuer: 'Cơ quan cấp', issuedAt: 'Ngày cấp', expiresAt: 'Ngày hết hạn', scopeType: 'Phạm vi', scopeId: 'Đối tượng',
    effectiveAt: 'Có hiệu lực từ', evidenceReference: 'Căn cứ (số quyết định)', crop: 'Cây trồng', variety: 'Giống', areaHa: 'Diện tích (ha)', location: 'Vị trí', ownerPartnerIds: 'Hộ sở hữu', status: 'Trạng thái', reason: 'Lý do', standard: 'Tiêu chuẩn áp dụng',
    appliedAt: 'Ngày sử dụng', productName: 'Tên thuốc / phân bón', activeIngredient: 'Hoạt chất', dose: 'Liều lượng', doseUnit: 'Đơn vị liều', phiDays: 'Thời gian cách ly (ngày)',
    growingAreaId: 'Vùng trồng', productId: 'Sản phẩm', partnerId: 'Hộ / đối tác', quantity: 'Khối lượng', harvestedAt: 'Ngày thu hoạch', lotCode: 'Mã lô', facilityId: 'Cơ sở', occurredAt: 'Thời điểm', process: 'Công đoạn', lotId: 'Lô', shippedAt: 'Ngày giao', documents: 'Chứng từ', documentType: 'Loại chứng từ', documentNumber: 'Số chứng từ',
    templateId: 'Mẫu tem', count: 'Số tem', serialized: 'Đánh số sê-ri', startPosition: 'Bắt đầu từ ô số', offsetXMm: 'Căn lề ngang (mm)', offsetYMm: 'Căn lề dọc (mm)', outline: 'In đường cắt', acknowledgeYieldWarning: 'Tôi xác nhận sản lượng này là đúng', yieldWarningReason: 'Giải thích sản lượng',
    role: 'Vai trò', password: 'Mật khẩu', currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới', confirmPassword: 'Nhập lại mật khẩu mới', email: 'Email',
    organizationId: 'Tổ chức', otherOrganizationId: 'Hoặc mã tổ chức', linkedOrganizationId: 'Mã tổ chức trên Nguồn (nếu đối tác dùng Nguồn)',
  },
  kinds: {
    member_household: 'Hộ thành viên', collector: 'Thương lái / thu gom', processor: 'Cơ sở chế biến', packer: 'Đóng gói', distributor: 'Nhà phân phối', retailer: 'Bán lẻ', transporter: 'Vận chuyển', lab: 'Phòng kiểm nghiệm',
    processing_plant: 'Xưởng chế biến', packing_house: 'Cơ sở đóng gói', warehouse: 'Kho',
    ocop: 'OCOP', vietgap: 'VietGAP', globalgap: 'GlobalGAP', organic: 'Hữu cơ', haccp: 'HACCP', other: 'Khác',
    product: 'Sản phẩm', growing_area: 'Vùng trồng', facility: 'Cơ sở', organization: 'Tổ chức',
    fertiliser: 'Phân bón', pesticide: 'Thuốc BVTV',
    cooperative: 'Hợp tác xã', enterprise: 'Doanh nghiệp', household_business: 'Hộ kinh doanh', programme_office: 'Văn phòng điều phối',
    draft: 'Nháp', active: 'Đang hoạt động', suspended: 'Tạm dừng', revoked: 'Thu hồi', recalled: 'Đã thu hồi', voided: 'Đã hủy', valid: 'Còn hiệu lực', expired: 'Hết hạn', not_yet_valid: 'Chưa hiệu lực',
    harvest: 'Thu hoạch', transform: 'Chế biến', split: 'Chia lô', ship: 'Giao hàng', receive: 'Nhận hàng', inspect: 'Kiểm tra', recall: 'Thu hồi', void: 'Hủy bỏ', processed: 'Đã chế biến', packed: 'Đã đóng gói', received: 'Nhận về',
    queued: 'Đang chờ', rendering: 'Đang in', validated: 'Đã kiểm tra', committing: 'Đang nhập', done: 'Xong', failed: 'Lỗi', in_transit: 'Đang vận chuyển', cancelled: 'Đã hủy',
  },
  location: { lat: 'Vĩ độ', lng: 'Kinh độ', here: 'Lấy vị trí hiện tại', unavailable: 'Không lấy được vị trí (hãy cho phép định vị hoặc nhập số).', polygonKept: 'Đã có ranh giới vùng (giữ nguyên nếu để trống).' },
  created: 'Đã tạo', householdsHelp: 'Đánh dấu một hoặc nhiều hộ sở hữu vùng trồng.',
  ocop: { stars: 'Sao OCOP', none: 'Chưa có', starsHelp: 'Chỉ với chứng nhận OCOP', certificates: 'Chứng nhận của sản phẩm', addCertificate: 'Thêm chứng nhận (OCOP…)' },
  ocopGroups: { 1: 'Thực phẩm', 2: 'Đồ uống', 3: 'Thảo dược', 4: 'Vải và may mặc', 5: 'Lưu niệm – nội thất – trang trí', 6: 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch' },
  void: {
    action: 'Hủy sự kiện này (nhập sai)', wrongEntry: 'Nhập sai? Hủy bản ghi tạo lô này', title: 'Hủy', reverses: 'Hủy sự kiện này sẽ:', givesBack: 'trả lại', toLot: 'cho lô', cancelsLot: 'hủy lô',
    stays: 'Bản ghi gốc vẫn giữ trong lịch sử (không xóa); một sự kiện “hủy bỏ” mới ghi lại lý do. Lý do này chỉ nội bộ.', confirmButton: 'Xác nhận hủy', alreadyVoided: 'Sự kiện này đã bị hủy',
    direction: 'Vai trò', directions: { input: 'Đầu vào', output: 'Đầu ra', observed: 'Được ghi nhận' },
  },
  units: { kg: 'kg', t: 'tấn', g: 'g', l: 'lít', ml: 'ml', pcs: 'cái', pack: 'gói', ha: 'ha' },
  numbers: { unreadable: 'Không đọc được số này. Viết như 25.000 (hai mươi lăm nghìn) hoặc 2,5 (hai phẩy năm).' },
  documentTypes: { invoice: 'Hóa đơn', delivery_note: 'Phiếu giao hàng', bill_of_lading: 'Vận đơn', purchase_order: 'Đơn đặt hàng', production_order: 'Lệnh sản xuất', field_tag: 'Phiếu thu hoạch', cooling_log: 'Nhật ký làm mát', receiving_advice: 'Phiếu nhập kho', other: 'Khác' },
  lot: { available: 'Còn lại', quantity: 'Khối lượng', history: 'Lịch sử', genealogy: 'Phả hệ lô', back: 'Truy ngược (nguồn gốc)', forward: 'Truy xuôi (đã đi đâu)', recall: 'Thu hồi lô này', recallConfirm: 'Thu hồi lô này và mọi lô sau nó? Trang công khai sẽ hiện cảnh báo ngay.', recalled: 'LÔ ĐÃ BỊ THU HỒI', recallConfirmButton: 'Xác nhận thu hồi', recallReasonPublic: 'Lưu ý: lý do thu hồi được HIỆN CÔNG KHAI trên trang của người tiêu dùng khi quét tem. Không ghi thông tin nội bộ.', recallNotForMistakes: 'Nhập sai số liệu? Đừng thu hồi — hãy dùng “Hủy” trên bản ghi sai.', exports: 'Xuất dữ liệu', printLabels: 'In tem cho lô này', split: 'Chia lô', ship: 'Giao hàng', publicPage: 'Trang công khai', affected: 'Các lô bị ảnh hưởng', position: 'Vị trí GPS lúc ghi (chỉ nội bộ)' },
  outbox: {
    title: 'Chờ gửi', help: 'Mục ghi khi mất mạng được lưu trên máy này và tự gửi khi có mạng lại. Mục bị từ chối có thể sửa rồi gửi lại.',
    kept: 'Đã lưu trên máy — sẽ tự gửi khi có mạng.', offlineNote: 'Đang mất mạng: mục ghi được lưu trên máy và tự gửi khi có mạng lại.',
    sendNow: 'Gửi ngay', resend: 'Gửi lại', discard: 'Bỏ mục này', savedAt: 'Lưu lúc', entry: 'Mục ghi', position: 'Vị trí GPS', editing: 'Đang sửa một mục chờ gửi',
    states: { waiting: 'Chờ gửi', sent: 'Đã gửi', refused: 'Bị từ chối' }, kinds: { harvest: 'Thu hoạch', input: 'Sử dụng phân bón / thuốc' },
  },
  harvest: { title: 'Ghi thu hoạch', refused: 'Không thể ghi thu hoạch', ackHelp: 'Sản lượng vượt mức hợp lý của vùng trồng. Nếu đúng, hãy xác nhận và ghi rõ lý do.' },
  transform: { title: 'Chế biến / gộp / đóng gói', inputs: 'Lô đầu vào', outputs: 'Lô đầu ra', addInput: '+ Thêm lô đầu vào', addOutput: '+ Thêm lô đầu ra', remove: 'Bỏ' },
  imports: {
    title: 'Nhập dữ liệu từ Excel', kind: 'Loại dữ liệu', file: 'Tệp Excel (.xlsx) hoặc CSV', check: 'Kiểm tra tệp', checking: 'Đang kiểm tra từng dòng…', chooseFile: 'Hãy chọn một tệp.',
    templateVi: 'Tải mẫu (tiếng Việt)', templateEn: 'Tải mẫu (tiếng Anh)', help: 'Tải mẫu, điền dữ liệu vào trang đầu tiên, rồi tải lên. Hệ thống kiểm tra mọi dòng trước, chưa nhập gì.',
    rows: 'Số dòng', valid: 'Dòng mới hợp lệ', existing: 'Đã có (bỏ qua hoặc cập nhật)', invalid: 'Dòng có lỗi', errors: 'Các dòng có lỗi', row: 'Dòng', column: 'Cột', problem: 'Lỗi',
    noErrors: 'Không có lỗi: có thể nhập.', annotated: 'Tải tệp có cột lỗi', another: 'Nhập tệp khác', updateExisting: 'Cập nhật các bản ghi đã có',
    commitAll: 'Nhập tất cả', commitValid: 'Chỉ nhập các dòng hợp lệ', progress: 'Tiến độ nhập', created: 'Đã tạo', updated: 'Đã cập nhật', skipped: 'Bỏ qua', failed: 'Lỗi',
  },
  labels: { loopback: 'Cảnh báo: mã QR và đường dẫn in trên tem trỏ tới địa chỉ nội bộ (localhost) — điện thoại của người mua sẽ KHÔNG mở được. Cần đặt PUBLIC_BASE_URL là địa chỉ công khai của máy chủ rồi in lại.', title: 'In tem QR', start: 'Bắt đầu in', progress: 'Tiến độ', download: 'Tải PDF', preview: 'Xem trước một tem', jobs: 'Các lệnh in' },
  shipments: { incoming: 'Hàng đến', outgoing: 'Hàng đi', receive: 'Nhận hàng' },
  audit: { title: 'Kiểm tra tính toàn vẹn chuỗi sự kiện', valid: 'Chuỗi sự kiện toàn vẹn', broken: 'Phát hiện sự kiện bị sửa', checked: 'Số sự kiện đã kiểm tra', run: 'Kiểm tra ngay' },
  growingArea: { effectiveHelp: 'Ngày có hiệu lực (theo quyết định). Bỏ trống nếu từ hôm nay. Chọn ngày trước đây để ghi được các lần thu hoạch đã qua.', evidenceHelp: 'Số quyết định / giấy tờ (không bắt buộc)', recordedAt: 'Ngày ghi', registered: 'Đăng ký', activeSince: 'Vùng trồng này hoạt động từ ngày', changeStatus: 'Đổi trạng thái', inputs: 'Nhật ký canh tác', addInput: 'Thêm nhật ký', void: 'Hủy dòng này', earliestHarvest: 'Ngày thu hoạch sớm nhất', statusHistory: 'Lịch sử trạng thái' },
  account: {
    forgotLink: 'Quên mật khẩu?', forgotTitle: 'Quên mật khẩu', forgotHelp: 'Nhập email đăng nhập. Nếu email có tài khoản, chúng tôi gửi một liên kết để đặt mật khẩu mới (dùng một lần, có hạn).',
    sendLink: 'Gửi liên kết', linkSent: 'Nếu email có tài khoản, thư đã được gửi. Hãy kiểm tra hộp thư (cả mục thư rác).', backToLogin: 'Quay lại đăng nhập',
    resetTitle: 'Đặt mật khẩu mới', setPassword: 'Đặt mật khẩu', passwordSet: 'Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu này.',
    changePassword: 'Đổi mật khẩu', changePasswordHelp: 'Sau khi đổi, mọi phiên đăng nhập của bạn (cả trên máy khác) sẽ kết thúc.', passwordChangedLogin: 'Đã đổi mật khẩu. Hãy đăng nhập lại.',
    addUser: 'Thêm người dùng', passwordOptional: 'Bỏ trống để nhận liên kết cho người dùng tự đặt mật khẩu.', setLinkShown: 'Gửi liên kết này cho người dùng để họ tự đặt mật khẩu. Chỉ hiện một lần, dùng được đến',
    resetLinkShown: 'Gửi liên kết này cho người dùng để đặt mật khẩu mới. Chỉ hiện một lần, dùng được một lần, đến', copy: 'Sao chép',
    changeRole: 'Đổi vai trò', deactivate: 'Vô hiệu hóa', reactivate: 'Kích hoạt lại', remove: 'Xóa', removeConfirm: 'Xóa người dùng này? Họ sẽ bị đăng xuất ngay và không đăng nhập được nữa.', resetLink: 'Tạo liên kết đặt lại mật khẩu',
    you: '(bạn)', active: 'Đang hoạt động', deactivated: 'Đã vô hiệu hóa', revoked: 'Đã thu hồi',
    createKey: 'Tạo khóa API', keyShownOnce: 'Khóa bí mật — chỉ hiện một lần. Hãy lưu lại ngay:', revoke: 'Thu hồi', revokeConfirm: 'Thu hồi khóa này? Hệ thống dùng khóa sẽ bị từ chối ngay.', prefix: 'Tiền tố', lastUsed: 'Dùng lần cuối',
  },
  links: {
    help: 'Tổ chức khác chỉ được gửi hàng cho bạn, và văn phòng điều phối chỉ được xem dữ liệu của bạn (chỉ xem), khi bạn đồng ý. Bạn có thể chấm dứt bất cứ lúc nào.',
    helpOffice: 'Văn phòng chỉ xem được dữ liệu (chỉ xem) của tổ chức trong tỉnh đã đồng ý với lời mời. Tổ chức có thể chấm dứt bất cứ lúc nào.',
    yourId: 'Mã tổ chức của bạn (gửi cho đối tác)', organization: 'Tổ chức', kind: 'Liên kết', awaiting: 'Chờ bạn trả lời', active: 'Đang hiệu lực', sent: 'Đã gửi, chờ trả lời', past: 'Đã kết thúc / từ chối',
    accept: 'Đồng ý', decline: 'Từ chối', end: 'Chấm dứt', endConfirm: 'Chấm dứt liên kết này? Có hiệu lực ngay.', withdraw: 'Rút lại', send: 'Gửi',
    invite: 'Mời tổ chức trong tỉnh', request: 'Gửi yêu cầu liên kết', askOversight: 'Giám sát (văn phòng điều phối xem, chỉ xem)', askTrade: 'Giao hàng (tổ chức kia nhận hàng của bạn)',
    candidatesHelp: 'Chọn trong danh sách, hoặc nhập mã tổ chức bên dưới.', byIdHelp: 'Mã tổ chức do đối tác gửi cho bạn.',
    oversight: { from: 'Bạn giám sát tổ chức này', to: 'Văn phòng này giám sát bạn' }, trade: { from: 'Bạn gửi hàng cho tổ chức này', to: 'Tổ chức này gửi hàng cho bạn' },
    statuses: { pending: 'Chờ trả lời', active: 'Đang hiệu lực', declined: 'Đã từ chối', ended: 'Đã chấm dứt' },
    viewAs: 'Xem dữ liệu của', ownOffice: 'Văn phòng', readingAsOffice: 'đang xem với tư cách văn phòng điều phối', noLongerOverseen: 'Tổ chức này không còn cho văn phòng xem dữ liệu.',
  },
  rules: {
    isNotEmpty: 'Không được để trống', isUuid: 'Chưa chọn', isDefined: 'Bắt buộc', isString: 'Phải là chữ', isEmail: 'Email không hợp lệ', minLength: 'Quá ngắn', maxLength: 'Quá dài', isIn: 'Giá trị không hợp lệ', isEnum: 'Giá trị không hợp lệ',
    isInt: 'Phải là số nguyên', isNumber: 'Phải là số', min: 'Quá nhỏ', max: 'Quá lớn', isPositive: 'Phải lớn hơn 0', isUUID: 'Chưa chọn', isDateString: 'Ngày không hợp lệ', isISO8601: 'Ngày không hợp lệ', isBoolean: 'Có hoặc không', isArray: 'Phải là danh sách', arrayMinSize: 'Cần ít nhất một dòng', whitelistValidation: 'Trường không được phép', matches: 'Sai định dạng', isNumberString: 'Phải là số', isObject: 'Sai định dạng',
  },
  codes: ERROR_TEXTS.vi,
};

const en = {
  appName: 'Nguồn', tagline: 'Traceability & QR labels', login: 'Log in', logout: 'Log out',
  email: 'Email', password: 'Password', loginFailed: 'Wrong email or password', language: 'Tiếng Việt',
  roles: { owner: 'Owner', admin: 'Admin', recorder: 'Recorder', viewer: 'Viewer' },
  nav: { lots: 'Lots', harvest: 'Log harvest', transform: 'Process / pack', shipments: 'Shipments', growingAreas: 'Growing areas', products: 'Products', partners: 'Partners & households', facilities: 'Facilities', certifications: 'Certifications', labels: 'Print labels', audit: 'Chain check', links: 'Organization links', users: 'Users', apiKeys: 'API keys', imports: 'Import from Excel', outbox: 'Outbox', fieldInput: 'Log fertiliser / pesticide' },
  search: 'Search', create: 'New', edit: 'Edit', save: 'Save', cancel: 'Cancel', back: 'Back', loading: 'Loading…', none: 'Nothing yet', saved: 'Saved', readOnly: 'You can only view.',
  more: 'More', actions: 'Actions', details: 'Details', yes: 'Yes', no: 'No', offline: 'No connection — try again later.',
  fields: {
    name: 'Name', kind: 'Kind', phone: 'Phone', citizenId: 'Citizen ID', taxCode: 'Tax code', commune: 'Commune', province: 'Province', address: 'Address', gln: 'GLN', notes: 'Notes',
    code: 'Code', codeIssuer: 'Code issuer', nameVi: 'Vietnamese name', nameEn: 'English name', ocopGroup: 'OCOP product group', gtin: 'GTIN (barcode)', unit: 'Unit', netContent: 'Net content per pack', netContentUnit: 'Net content unit', shelfLifeDays: 'Shelf life (days)', brand: 'Brand', description: 'Description', imageUrl: 'Image URL',
    level: 'Level', number: 'Certificate / decision number', issuer: 'Issuer', issuedAt: 'Issued on', expiresAt: 'Expires on', scopeType: 'Scope', scopeId: 'Scope item',
    effectiveAt: 'In effect from', evidenceReference: 'Evidence (decision number)', crop: 'Crop', variety: 'Variety', areaHa: 'Area (ha)', location: 'Location', ownerPartnerIds: 'Owner households', status: 'Status', reason: 'Reason', standard: 'Standard applied',
    appliedAt: 'Applied on', productName: 'Product applied', activeIngredient: 'Active ingredient', dose: 'Dose', doseUnit: 'Dose unit', phiDays: 'Pre-harvest interval (days)',
    growingAreaId: 'Growing area', productId: 'Product', partnerId: 'Household / partner', quantity: 'Quantity', harvestedAt: 'Harvest date', lotCode: 'Lot code', facilityId: 'Facility', occurredAt: 'When', process: 'Process', lotId: 'Lot', shippedAt: 'Shipped on', documents: 'Documents', documentType: 'Document type', documentNumber: 'Document number',
    templateId: 'Template', count: 'Labels', serialized: 'Serial numbers', startPosition: 'Start at position', offsetXMm: 'Offset X (mm)', offsetYMm: 'Offset Y (mm)', outline: 'Cut outlines', acknowledgeYieldWarning: 'I confirm this quantity is right', yieldWarningReason: 'Explain the yield',
    role: 'Role', password: 'Password', currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'New password again', email: 'Email',
    organizationId: 'Organization', otherOrganizationId: 'Or an organization id', linkedOrganizationId: 'Organization id on Nguồn (if the partner uses Nguồn)',
  },
  kinds: {
    member_household: 'Member household', collector: 'Collector', processor: 'Processor', packer: 'Packer', distributor: 'Distributor', retailer: 'Retailer', transporter: 'Transporter', lab: 'Laboratory',
    processing_plant: 'Processing plant', packing_house: 'Packing house', warehouse: 'Warehouse',
    ocop: 'OCOP', vietgap: 'VietGAP', globalgap: 'GlobalGAP', organic: 'Organic', haccp: 'HACCP', other: 'Other',
    product: 'Product', growing_area: 'Growing area', facility: 'Facility', organization: 'Organization',
    fertiliser: 'Fertiliser', pesticide: 'Pesticide',
    cooperative: 'Cooperative', enterprise: 'Enterprise', household_business: 'Household business', programme_office: 'Programme office',
    draft: 'Draft', active: 'Active', suspended: 'Suspended', revoked: 'Revoked', recalled: 'Recalled', voided: 'Voided', valid: 'Valid', expired: 'Expired', not_yet_valid: 'Not yet valid',
    harvest: 'Harvest', transform: 'Processing', split: 'Split', ship: 'Shipped', receive: 'Received', inspect: 'Inspection', recall: 'Recall', void: 'Void', processed: 'Processed', packed: 'Packed', received: 'Received',
    queued: 'Queued', rendering: 'Rendering', validated: 'Checked', committing: 'Importing', done: 'Done', failed: 'Failed', in_transit: 'In transit', cancelled: 'Cancelled',
  },
  documentTypes: { invoice: 'Invoice', delivery_note: 'Delivery note', bill_of_lading: 'Bill of lading', purchase_order: 'Purchase order', production_order: 'Production order', field_tag: 'Field tag / harvest log', cooling_log: 'Cooling log', receiving_advice: 'Receiving note', other: 'Other' },
  lot: { available: 'Available', quantity: 'Quantity', history: 'History', genealogy: 'Genealogy', back: 'Trace back (origin)', forward: 'Trace forward (where it went)', recall: 'Recall this lot', recallConfirm: 'Recall this lot and every lot made from it? The public page shows a banner at once.', recalled: 'THIS LOT IS RECALLED', recallConfirmButton: 'Confirm the recall', recallReasonPublic: 'Note: the recall reason is SHOWN PUBLICLY on the consumer’s page when a label is scanned. Write nothing internal.', recallNotForMistakes: 'A wrong entry? Do not recall — use “Void” on the wrong record.', exports: 'Exports', printLabels: 'Print labels for this lot', split: 'Split', ship: 'Ship', publicPage: 'Public page', affected: 'Affected lots', position: 'GPS position when logged (staff only)' },
  outbox: {
    title: 'Outbox', help: 'Entries made without a network are kept on this device and sent by themselves when the network returns. A refused entry can be corrected and sent again.',
    kept: 'Kept on this device — it will be sent when the network returns.', offlineNote: 'No network: entries are kept on this device and sent when the network returns.',
    sendNow: 'Send now', resend: 'Send again', discard: 'Discard', savedAt: 'Saved at', entry: 'Entry', position: 'GPS position', editing: 'Editing an entry waiting to be sent',
    states: { waiting: 'Waiting', sent: 'Sent', refused: 'Refused' }, kinds: { harvest: 'Harvest', input: 'Fertiliser / pesticide use' },
  },
  harvest: { title: 'Log a harvest', refused: 'The harvest cannot be logged', ackHelp: 'The quantity is above what this growing area can plausibly yield. If it is right, confirm and explain.' },
  transform: { title: 'Process / merge / pack', inputs: 'Input lots', outputs: 'Output lots', addInput: '+ Add input lot', addOutput: '+ Add output lot', remove: 'Remove' },
  imports: {
    title: 'Import from Excel', kind: 'What to import', file: 'Excel (.xlsx) or CSV file', check: 'Check the file', checking: 'Checking every row…', chooseFile: 'Choose a file.',
    templateVi: 'Template (Vietnamese)', templateEn: 'Template (English)', help: 'Download the template, fill its first sheet and upload it. Every row is checked first; nothing is imported yet.',
    rows: 'Rows', valid: 'New valid rows', existing: 'Already there (skipped or updated)', invalid: 'Rows with errors', errors: 'Rows with errors', row: 'Row', column: 'Column', problem: 'Problem',
    noErrors: 'No errors: ready to import.', annotated: 'Download the file with an error column', another: 'Import another file', updateExisting: 'Update records that exist',
    commitAll: 'Import all', commitValid: 'Import the valid rows only', progress: 'Import progress', created: 'Created', updated: 'Updated', skipped: 'Skipped', failed: 'Failed',
  },
  labels: { loopback: 'Warning: the QR codes and the printed address point to a local address (localhost) — buyers’ phones will NOT open them. Set PUBLIC_BASE_URL to the server’s public address, then print again.', title: 'Print QR labels', start: 'Print', progress: 'Progress', download: 'Download PDF', preview: 'Preview one label', jobs: 'Label jobs' },
  shipments: { incoming: 'Incoming', outgoing: 'Outgoing', receive: 'Receive' },
  audit: { title: 'Event chain integrity', valid: 'The event chain is intact', broken: 'An edited event was found', checked: 'Events checked', run: 'Check now' },
  growingArea: { effectiveHelp: 'The date it took effect (per the decision). Leave empty for today. Pick an earlier date to enter past harvests.', evidenceHelp: 'Decision / document number (optional)', recordedAt: 'Recorded', registered: 'Registered', activeSince: 'This area is active since', changeStatus: 'Change status', inputs: 'Input log', addInput: 'Add input', void: 'Void this line', earliestHarvest: 'Earliest allowed harvest', statusHistory: 'Status history' },
  account: {
    forgotLink: 'Forgot your password?', forgotTitle: 'Forgot password', forgotHelp: 'Enter your login email. If it has an account, we send a link to set a new password (it works once, for a while).',
    sendLink: 'Send the link', linkSent: 'If the email has an account, the mail is on its way. Check your inbox (and spam).', backToLogin: 'Back to log in',
    resetTitle: 'Set a new password', setPassword: 'Set password', passwordSet: 'Your new password is set. Log in with it.',
    changePassword: 'Change password', changePasswordHelp: 'Afterwards every session of yours (on other devices too) ends.', passwordChangedLogin: 'Password changed. Log in again.',
    addUser: 'Add a user', passwordOptional: 'Leave empty to get a link for the user to set their own password.', setLinkShown: 'Send this link to the user to set their password. Shown once, valid until',
    resetLinkShown: 'Send this link to the user to set a new password. Shown once, works once, until', copy: 'Copy',
    changeRole: 'Change role', deactivate: 'Deactivate', reactivate: 'Reactivate', remove: 'Remove', removeConfirm: 'Remove this user? They are logged out at once and cannot log in again.', resetLink: 'Password reset link',
    you: '(you)', active: 'Active', deactivated: 'Deactivated', revoked: 'Revoked',
    createKey: 'Create an API key', keyShownOnce: 'The secret key — shown only once. Save it now:', revoke: 'Revoke', revokeConfirm: 'Revoke this key? Systems using it are refused at once.', prefix: 'Prefix', lastUsed: 'Last used',
  },
  links: {
    help: 'Another organization can ship to you, and a programme office can read your data (read-only), only once you accept. You can end either at any time.',
    helpOffice: 'The office reads (read-only) the organizations of its province that accepted its invitation. They can end it at any time.',
    yourId: 'Your organization id (give it to partners)', organization: 'Organization', kind: 'Link', awaiting: 'Waiting for your answer', active: 'In force', sent: 'Sent, waiting for an answer', past: 'Ended or declined',
    accept: 'Accept', decline: 'Decline', end: 'End', endConfirm: 'End this link? It takes effect at once.', withdraw: 'Withdraw', send: 'Send',
    invite: 'Invite an organization of the province', request: 'Ask for a link', askOversight: 'Oversight (the programme office reads, read-only)', askTrade: 'Shipments (the other organization receives yours)',
    candidatesHelp: 'Pick one from the list, or type an organization id below.', byIdHelp: 'The organization id your partner gave you.',
    oversight: { from: 'You oversee this organization', to: 'This office oversees you' }, trade: { from: 'You ship to this organization', to: 'This organization ships to you' },
    statuses: { pending: 'Pending', active: 'In force', declined: 'Declined', ended: 'Ended' },
    viewAs: 'Read the data of', ownOffice: 'Office', readingAsOffice: 'reading as the programme office', noLongerOverseen: 'This organization no longer lets the office read its data.',
  },
  location: { lat: 'Latitude', lng: 'Longitude', here: 'Use my position', unavailable: 'No position (allow location, or type the numbers).', polygonKept: 'The area has a boundary (kept if left empty).' },
  created: 'Created', householdsHelp: 'Tick one or more households that own the area.',
  ocop: { stars: 'OCOP stars', none: 'None', starsHelp: 'OCOP certificates only', certificates: 'Certificates of this product', addCertificate: 'Add a certificate (OCOP…)' },
  ocopGroups: { 1: 'Food', 2: 'Beverages', 3: 'Herbal products', 4: 'Textiles and garments', 5: 'Souvenirs, furniture and decoration', 6: 'Community and eco-tourism services' },
  void: {
    action: 'Void this event (wrong entry)', wrongEntry: 'Wrong entry? Void the record that made this lot', title: 'Void', reverses: 'Voiding this event will:', givesBack: 'give back', toLot: 'to lot', cancelsLot: 'cancel lot',
    stays: 'The original record stays in the history (nothing is deleted); a new “void” event keeps the reason. The reason is internal.', confirmButton: 'Confirm void', alreadyVoided: 'This event has been voided',
    direction: 'Role', directions: { input: 'Input', output: 'Output', observed: 'Observed' },
  },
  units: { kg: 'kg', t: 'tonnes', g: 'g', l: 'litres', ml: 'ml', pcs: 'pieces', pack: 'packs', ha: 'ha' },
  numbers: { unreadable: 'This number cannot be read. Write 25,000 (twenty-five thousand) or 2.5 (two and a half).' },
  rules: {
    isNotEmpty: 'Required', isUuid: 'Choose one', isDefined: 'Required', isString: 'Must be text', isEmail: 'Not a valid email', minLength: 'Too short', maxLength: 'Too long', isIn: 'Not an allowed value', isEnum: 'Not an allowed value',
    isInt: 'Must be a whole number', isNumber: 'Must be a number', min: 'Too small', max: 'Too large', isPositive: 'Must be above 0', isUUID: 'Choose one', isDateString: 'Not a valid date', isISO8601: 'Not a valid date', isBoolean: 'Yes or no', isArray: 'Must be a list', arrayMinSize: 'Add at least one line', whitelistValidation: 'Field not allowed', matches: 'Wrong format', isNumberString: 'Must be a number', isObject: 'Wrong format',
  },
  codes: ERROR_TEXTS.en,
};

const dictionaries = { vi, en };
/** @type {'vi' | 'en'} */
let current = localStorage.getItem('nguon.lang') === 'en' ? 'en' : 'vi';

/** @returns {'vi' | 'en'} */
export const lang = () => current;
/** @param {string} value */
export function setLang(value) {
  current = value === 'en' ? 'en' : 'vi';
  localStorage.setItem('nguon.lang', current);
  document.documentElement.lang = current;
}

/** t('nav.lots'); falls back to Vietnamese, then to the key itself. */
export function t(key) {
  const find = (dict) => key.split('.').reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined), dict);
  const value = find(dictionaries[current]) ?? find(vi);
  return typeof value === 'string' ? value : key.split('.').pop();
}

/** A server error, worded for the user: by code, then the server's own message. */
export function errorMessage(body) {
  if (!body) return t('offline');
  const byCode = dictionaries[current].codes[body.code] ?? (current === 'vi' ? vi.codes[body.code] : undefined);
  const message = byCode ?? body.message ?? body.code;
  // A refused harvest says since when its area is active, so the clerk knows what to correct.
  if (body.code === 'GROWING_AREA_NOT_ACTIVE' && body.details?.activeSince) {
    const since = new Date(body.details.activeSince).toLocaleDateString(current === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    return `${message} ${t('growingArea.activeSince')} ${since}.`;
  }
  return message;
}

/** Per-field messages from a 400 VALIDATION_FAILED or a domain error naming its field. */
export function fieldErrors(body, sent = {}) {
  const out = {};
  const rules = body?.details?.rules;
  if (rules) {
    // A field not sent breaks every rule on it ("too long, must be text"); what it lacks is a value.
    for (const [field, names] of Object.entries(rules)) out[field] = sent[field] === undefined && !field.includes('.') && !field.includes('[') ? t('rules.isNotEmpty') : names.map((n) => t(`rules.${n}`)).join(', ');
  } else if (body?.details?.field) {
    out[body.details.field] = errorMessage(body);
  }
  return out;
}
