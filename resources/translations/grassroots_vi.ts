<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>grassroots</name>
    <message>
      <source>usage: </source>
      <translation>cách dùng: </translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>tham số %(argument_name)s: %(message)s</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>tham số vị trí</translation>
    </message>
    <message>
      <source>options</source>
      <translation>tùy chọn</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>hiện trợ giúp này rồi thoát</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>tham số không nhận ra: %s</translation>
    </message>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>còn thiếu các tham số bắt buộc: %s</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>cần đúng một giá trị</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>cần ít nhất một giá trị</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>giá trị %(type)s không hợp lệ: %(value)r</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)</translation>
    </message>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>tùy chọn không rõ: %(option)s có thể là %(matches)s</translation>
    </message>
    <message>
      <source>'{text}' is not a date; write YYYY-MM-DD or dd/mm/yyyy.</source>
      <translation>'{text}' không phải là ngày hợp lệ; hãy viết theo dạng YYYY-MM-DD hoặc dd/mm/yyyy.</translation>
    </message>
    <message>
      <source>Demo data built:</source>
      <translation>Đã tạo dữ liệu mẫu:</translation>
    </message>
    <message>
      <source>create a unit</source>
      <translation>thêm một đơn vị</translation>
    </message>
    <message>
      <source>list the units under a unit</source>
      <translation>liệt kê các đơn vị trực thuộc một đơn vị</translation>
    </message>
    <message>
      <source>move a unit under another parent</source>
      <translation>chuyển đơn vị sang trực thuộc đơn vị khác</translation>
    </message>
    <message>
      <source>close a unit</source>
      <translation>giải thể (đóng) một đơn vị</translation>
    </message>
    <message>
      <source>merge a unit into another</source>
      <translation>sáp nhập một đơn vị vào đơn vị khác</translation>
    </message>
    <message>
      <source>import a province from the official list</source>
      <translation>nhập một tỉnh từ danh mục hành chính chính thức</translation>
    </message>
    <message>
      <source>create a cluster</source>
      <translation>thêm một cụm</translation>
    </message>
    <message>
      <source>list the clusters</source>
      <translation>liệt kê các cụm</translation>
    </message>
    <message>
      <source>show, add or remove communes</source>
      <translation>xem, thêm hoặc bớt xã trong cụm</translation>
    </message>
    <message>
      <source>record a cadre</source>
      <translation>thêm một cán bộ</translation>
    </message>
    <message>
      <source>list the cadres</source>
      <translation>liệt kê cán bộ</translation>
    </message>
    <message>
      <source>set up a new database</source>
      <translation>thiết lập cơ sở dữ liệu mới</translation>
    </message>
    <message>
      <source>build the demo data</source>
      <translation>tạo dữ liệu mẫu</translation>
    </message>
    <message>
      <source>put a cadre in charge of a unit or cluster</source>
      <translation>phân công cán bộ phụ trách đơn vị hoặc cụm</translation>
    </message>
    <message>
      <source>end an assignment</source>
      <translation>kết thúc một phân công</translation>
    </message>
    <message>
      <source>show gaps, coverage per level and workload</source>
      <translation>xem chỗ còn thiếu người phụ trách, tỷ lệ bao phủ theo cấp và khối lượng công việc</translation>
    </message>
    <message>
      <source>The database is ready for the {model} model.</source>
      <translation>Cơ sở dữ liệu đã sẵn sàng theo mô hình {model}.</translation>
    </message>
    <message>
      <source>No units.</source>
      <translation>Không có đơn vị nào.</translation>
    </message>
    <message>
      <source>Moved: now {path}.</source>
      <translation>Đã chuyển: nay là {path}.</translation>
    </message>
    <message>
      <source>Closed '{name}' on {day}.</source>
      <translation>Đã giải thể '{name}' từ ngày {day}.</translation>
    </message>
    <message>
      <source>Merged '{source}' into '{target}'.</source>
      <translation>Đã sáp nhập '{source}' vào '{target}'.</translation>
    </message>
    <message>
      <source>No clusters.</source>
      <translation>Không có cụm nào.</translation>
    </message>
    <message>
      <source>No communes.</source>
      <translation>Không có xã nào.</translation>
    </message>
    <message>
      <source>No cadres.</source>
      <translation>Không có cán bộ nào.</translation>
    </message>
    <message>
      <source>The assignment ends on {day}.</source>
      <translation>Phân công kết thúc từ ngày {day}.</translation>
    </message>
    <message>
      <source>Coverage on {day}:</source>
      <translation>Tình hình phân công phụ trách ngày {day}:</translation>
    </message>
    <message>
      <source>Gaps: {count}</source>
      <translation>Nơi còn thiếu người phụ trách: {count}</translation>
    </message>
    <message>
      <source>Overloaded cadres: {count}</source>
      <translation>Cán bộ phụ trách quá nhiều địa bàn: {count}</translation>
    </message>
    <message>
      <source>parent unit: id, official code or path</source>
      <translation>đơn vị cấp trên: mã định danh, mã hành chính hoặc đường dẫn</translation>
    </message>
    <message>
      <source>first day (default: today)</source>
      <translation>ngày bắt đầu (mặc định: hôm nay)</translation>
    </message>
    <message>
      <source>mountain or remote area</source>
      <translation>vùng núi, vùng sâu, vùng xa</translation>
    </message>
    <message>
      <source>Grassroots: the 'grasp the base' register.</source>
      <translation>Nắm cơ sở: sổ theo dõi phân công cán bộ phụ trách địa bàn.</translation>
    </message>
    <message>
      <source>database file or SQLAlchemy URL (default: $GRASSROOTS_DB, then the per-user data folder)</source>
      <translation>tệp cơ sở dữ liệu hoặc URL SQLAlchemy (mặc định: $GRASSROOTS_DB, sau đó là thư mục dữ liệu của người dùng)</translation>
    </message>
    <message>
      <source>cadre id or full name</source>
      <translation>mã định danh hoặc họ tên cán bộ</translation>
    </message>
    <message>
      <source>unit (id, code or path) or cluster (id or name)</source>
      <translation>đơn vị (mã định danh, mã hành chính hoặc đường dẫn) hoặc cụm (mã định danh hoặc tên)</translation>
    </message>
    <message>
      <source>assignment id</source>
      <translation>mã định danh của phân công</translation>
    </message>
    <message>
      <source>Created {path} ({kind}), id {id}.</source>
      <translation>Đã thêm {path} ({kind}), mã định danh {id}.</translation>
    </message>
    <message>
      <source>{province}: {added} units added, {matched} already present.</source>
      <translation>{province}: đã thêm {added} đơn vị, {matched} đơn vị đã có sẵn.</translation>
    </message>
    <message>
      <source>Created the cluster '{name}', id {id}.</source>
      <translation>Đã thêm cụm '{name}', mã định danh {id}.</translation>
    </message>
    <message>
      <source>Recorded the cadre {name}, id {id}.</source>
      <translation>Đã thêm cán bộ {name}, mã định danh {id}.</translation>
    </message>
    <message>
      <source>{name} is in charge of {path} as '{role}' (assignment {id}).</source>
      <translation>{name} phụ trách {path} với vai trò '{role}' (phân công {id}).</translation>
    </message>
    <message>
      <source>print JSON for scripts</source>
      <translation>in kết quả dạng JSON cho chương trình khác</translation>
    </message>
    <message>
      <source>administrative units</source>
      <translation>đơn vị hành chính</translation>
    </message>
    <message>
      <source>clusters of communes</source>
      <translation>cụm xã</translation>
    </message>
    <message>
      <source>cadres</source>
      <translation>cán bộ</translation>
    </message>
    <message>
      <source>Invalid command: {message}</source>
      <translation>Lệnh không hợp lệ: {message}</translation>
    </message>
    <message>
      <source>Cannot open the database: {error}</source>
      <translation>Không mở được cơ sở dữ liệu: {error}</translation>
    </message>
    <message>
      <source>Error: {message}</source>
      <translation>Lỗi: {message}</translation>
    </message>
    <message>
      <source>This assignment has already ended.</source>
      <translation>Phân công này đã kết thúc.</translation>
    </message>
    <message>
      <source>An assignment must end after its start date {start}.</source>
      <translation>Ngày kết thúc phân công phải sau ngày bắt đầu {start}.</translation>
    </message>
    <message>
      <source>The assignment has lasted less than the minimum tenure of {months} months; give the reason for ending it early.</source>
      <translation>Phân công chưa đủ thời gian tối thiểu {months} tháng; hãy nêu lý do kết thúc sớm.</translation>
    </message>
    <message>
      <source>This cadre already holds the role '{role}' here from {start}{until}.</source>
      <translation>Cán bộ này đã giữ vai trò '{role}' tại đây từ {start}{until}.</translation>
    </message>
    <message>
      <source>This commune already belongs to the cluster '{cluster}' from {start}.</source>
      <translation>Xã này đã thuộc cụm '{cluster}' từ {start}.</translation>
    </message>
    <message>
      <source>'{kind}' is not a kind of {level}; expected one of: {known}.</source>
      <translation>'{kind}' không phải là loại đơn vị cấp {level}; các loại hợp lệ: {known}.</translation>
    </message>
    <message>
      <source>The {preset} model has no {level} level.</source>
      <translation>Mô hình {preset} không có cấp {level}.</translation>
    </message>
    <message>
      <source>The name is empty.</source>
      <translation>Tên đang để trống.</translation>
    </message>
    <message>
      <source>The name is longer than {limit} characters.</source>
      <translation>Tên dài quá {limit} ký tự.</translation>
    </message>
    <message>
      <source>A {level} has no parent unit.</source>
      <translation>Đơn vị cấp {level} không có đơn vị cấp trên.</translation>
    </message>
    <message>
      <source>A {level} must be placed under a {expected}.</source>
      <translation>Đơn vị cấp {level} phải trực thuộc một đơn vị cấp {expected}.</translation>
    </message>
    <message>
      <source>The parent of a {level} must be a {expected}, not a {actual}.</source>
      <translation>Cấp trên của đơn vị cấp {level} phải là cấp {expected}, không phải cấp {actual}.</translation>
    </message>
    <message>
      <source>Another unit under the same parent is already named '{name}'.</source>
      <translation>Đơn vị cấp trên này đã có một đơn vị khác tên '{name}'.</translation>
    </message>
    <message>
      <source>'{what}' does not exist on {day}.</source>
      <translation>'{what}' không tồn tại vào ngày {day}.</translation>
    </message>
    <message>
      <source>A unit cannot be placed under itself or its own descendants.</source>
      <translation>Không thể đặt một đơn vị trực thuộc chính nó hoặc đơn vị cấp dưới của nó.</translation>
    </message>
    <message>
      <source>province</source>
      <translation>tỉnh</translation>
    </message>
    <message>
      <source>district</source>
      <translation>huyện</translation>
    </message>
    <message>
      <source>cluster</source>
      <translation>cụm</translation>
    </message>
    <message>
      <source>commune</source>
      <translation>xã</translation>
    </message>
    <message>
      <source>hamlet</source>
      <translation>ấp/thôn</translation>
    </message>
    <message>
      <source>self-governing group</source>
      <translation>tổ nhân dân tự quản</translation>
    </message>
    <message>
      <source>two-level</source>
      <translation>hai cấp</translation>
    </message>
    <message>
      <source>three-level</source>
      <translation>ba cấp</translation>
    </message>
    <message>
      <source>province tier</source>
      <translation>cấp tỉnh</translation>
    </message>
    <message>
      <source>district tier</source>
      <translation>cấp huyện</translation>
    </message>
    <message>
      <source>commune tier</source>
      <translation>cấp xã</translation>
    </message>
    <message>
      <source>standing-committee member</source>
      <translation>ủy viên Ban Thường vụ</translation>
    </message>
    <message>
      <source>committee member</source>
      <translation>cấp ủy viên</translation>
    </message>
    <message>
      <source>party member</source>
      <translation>đảng viên</translation>
    </message>
    <message>
      <source>male</source>
      <translation>nam</translation>
    </message>
    <message>
      <source>female</source>
      <translation>nữ</translation>
    </message>
    <message>
      <source>active</source>
      <translation>đang công tác</translation>
    </message>
    <message>
      <source>left</source>
      <translation>đã nghỉ</translation>
    </message>
    <message>
      <source>The end date {end} must come after the start date {start}.</source>
      <translation>Ngày kết thúc {end} phải sau ngày bắt đầu {start}.</translation>
    </message>
    <message>
      <source>A {level} has several roles; name one of: {roles}.</source>
      <translation>Cấp {level} có nhiều vai trò; hãy chọn một: {roles}.</translation>
    </message>
    <message>
      <source>No grasp rule gives a {level} the role '{role}'.</source>
      <translation>Không có quy định phân công nào cho cấp {level} với vai trò '{role}'.</translation>
    </message>
    <message>
      <source>{name} has left and cannot be assigned.</source>
      <translation>{name} đã nghỉ công tác, không thể phân công.</translation>
    </message>
    <message>
      <source>{name} cannot hold the role '{role}': it is for cadres of the {tiers}, and {name} works at the {tier}.</source>
      <translation>{name} không thể giữ vai trò '{role}': vai trò này dành cho cán bộ {tiers}, còn {name} là cán bộ {tier}.</translation>
    </message>
    <message>
      <source>{name} cannot hold the role '{role}': it needs a {flag}.</source>
      <translation>{name} không thể giữ vai trò '{role}': vai trò này đòi hỏi là {flag}.</translation>
    </message>
    <message>
      <source>The minimum number in charge cannot be negative.</source>
      <translation>Số người phụ trách tối thiểu không thể âm.</translation>
    </message>
    <message>
      <source>The minimum tenure must be between 0 and 120 months.</source>
      <translation>Thời gian phụ trách tối thiểu phải từ 0 đến 120 tháng.</translation>
    </message>
    <message>
      <source>The workload threshold must be at least 1.</source>
      <translation>Ngưỡng số địa bàn phụ trách phải ít nhất là 1.</translation>
    </message>
    <message>
      <source>No unit or cluster has the id '{id}'.</source>
      <translation>Không có đơn vị hay cụm nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>No assignment has the id '{id}'.</source>
      <translation>Không có phân công nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>Several cadres are named '{name}'; use the id.</source>
      <translation>Có nhiều cán bộ tên '{name}'; hãy dùng mã định danh.</translation>
    </message>
    <message>
      <source>No cadre has the id '{id}'.</source>
      <translation>Không có cán bộ nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>No cadre is named '{name}'.</source>
      <translation>Không tìm thấy cán bộ nào tên '{name}'.</translation>
    </message>
    <message>
      <source>The birth year {year} is not plausible.</source>
      <translation>Năm sinh {year} không hợp lý.</translation>
    </message>
    <message>
      <source>An assignment of this cadre starts on {day}, after that date.</source>
      <translation>Cán bộ này có phân công bắt đầu ngày {day}, sau ngày đã chọn.</translation>
    </message>
    <message>
      <source>Several clusters are named '{name}'; use the id.</source>
      <translation>Có nhiều cụm tên '{name}'; hãy dùng mã định danh.</translation>
    </message>
    <message>
      <source>This commune is not in that cluster.</source>
      <translation>Xã này không thuộc cụm đó.</translation>
    </message>
    <message>
      <source>No cluster has the id '{id}'.</source>
      <translation>Không có cụm nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>No cluster is named '{name}'.</source>
      <translation>Không tìm thấy cụm nào tên '{name}'.</translation>
    </message>
    <message>
      <source>In the {preset} model a cluster belongs to a {expected}, not a {actual}.</source>
      <translation>Trong mô hình {preset}, cụm thuộc cấp {expected}, không phải cấp {actual}.</translation>
    </message>
    <message>
      <source>Only communes belong to clusters; '{name}' is a {level}.</source>
      <translation>Chỉ xã mới thuộc cụm; '{name}' là đơn vị cấp {level}.</translation>
    </message>
    <message>
      <source>The commune joined this cluster on {day}; pick a later date.</source>
      <translation>Xã vào cụm này ngày {day}; hãy chọn ngày sau đó.</translation>
    </message>
    <message>
      <source>No province in the official list is named '{name}'.</source>
      <translation>Danh mục hành chính chính thức không có tỉnh nào tên '{name}'.</translation>
    </message>
    <message>
      <source>The official list has no districts: it can only be imported into a two-level database.</source>
      <translation>Danh mục chính thức không có cấp huyện: chỉ nhập được vào cơ sở dữ liệu theo mô hình hai cấp.</translation>
    </message>
    <message>
      <source>No province was named.</source>
      <translation>Chưa nêu tên tỉnh.</translation>
    </message>
    <message>
      <source>The code {code} belongs to a unit that is not a province.</source>
      <translation>Mã {code} thuộc về một đơn vị không phải cấp tỉnh.</translation>
    </message>
    <message>
      <source>This database is already set up for the {preset} model.</source>
      <translation>Cơ sở dữ liệu này đã được thiết lập theo mô hình {preset}.</translation>
    </message>
    <message>
      <source>This database is not set up yet: choose the two-level or three-level model first.</source>
      <translation>Cơ sở dữ liệu chưa được thiết lập: hãy chọn mô hình hai cấp hoặc ba cấp trước.</translation>
    </message>
    <message>
      <source>No unit has the id '{id}'.</source>
      <translation>Không có đơn vị nào có mã định danh '{id}'.</translation>
    </message>
    <message>
      <source>'{name}' is already under '{parent}'.</source>
      <translation>'{name}' đã trực thuộc '{parent}'.</translation>
    </message>
    <message>
      <source>'{name}' can only be closed after it began on {day}.</source>
      <translation>'{name}' chỉ có thể giải thể sau ngày thành lập {day}.</translation>
    </message>
    <message>
      <source>A unit cannot be merged into itself.</source>
      <translation>Không thể sáp nhập một đơn vị vào chính nó.</translation>
    </message>
    <message>
      <source>Only units of the same level can be merged: '{source}' is a {source_level}, '{target}' a {target_level}.</source>
      <translation>Chỉ sáp nhập được các đơn vị cùng cấp: '{source}' là cấp {source_level}, '{target}' là cấp {target_level}.</translation>
    </message>
    <message>
      <source>No unit was named.</source>
      <translation>Chưa nêu đơn vị nào.</translation>
    </message>
    <message>
      <source>The official code {code} already belongs to '{name}'.</source>
      <translation>Mã hành chính {code} đã thuộc về '{name}'.</translation>
    </message>
    <message>
      <source>A {level} cannot have units under it.</source>
      <translation>Đơn vị cấp {level} không có đơn vị trực thuộc.</translation>
    </message>
    <message>
      <source>'{path}' names more than one unit; use its id or code.</source>
      <translation>'{path}' ứng với nhiều đơn vị; hãy dùng mã định danh hoặc mã hành chính.</translation>
    </message>
    <message>
      <source>No unit is found at '{path}'.</source>
      <translation>Không tìm thấy đơn vị '{path}'.</translation>
    </message>
    <message>
      <source>No unit or cluster is named '{name}'.</source>
      <translation>Không tìm thấy đơn vị hay cụm nào tên '{name}'.</translation>
    </message>
    <message>
      <source>The number of households cannot be negative.</source>
      <translation>Số hộ không thể âm.</translation>
    </message>
    <message>
      <source>The population cannot be negative.</source>
      <translation>Số nhân khẩu không thể âm.</translation>
    </message>
    <message>
      <source>The number of party members cannot be negative.</source>
      <translation>Số đảng viên không thể âm.</translation>
    </message>
    <message>
      <source>close a cluster</source>
      <translation>giải thể một cụm</translation>
    </message>
    <message>
      <source>'{what}' was closed on {day}.</source>
      <translation>'{what}' đã giải thể từ ngày {day}.</translation>
    </message>
    <message>
      <source>'{what}' was placed under its current parent on {placed}; pick a later date.</source>
      <translation>'{what}' được chuyển về đơn vị cấp trên hiện nay từ ngày {placed}; hãy chọn ngày sau đó.</translation>
    </message>
    <message>
      <source>A commune joins or leaves '{name}' after that date; change it first.</source>
      <translation>Có xã vào hoặc ra khỏi '{name}' sau ngày đó; hãy điều chỉnh trước.</translation>
    </message>
    <message>
      <source>Planning the demo hierarchy</source>
      <translation>Đang lập sơ đồ đơn vị mẫu</translation>
    </message>
    <message>
      <source>Creating communes, hamlets and groups</source>
      <translation>Đang tạo xã, ấp và tổ</translation>
    </message>
    <message>
      <source>Saving the demo data</source>
      <translation>Đang lưu dữ liệu mẫu</translation>
    </message>
    <message>
      <source>one district</source>
      <translation>một huyện</translation>
    </message>
    <message>
      <source>one province</source>
      <translation>một tỉnh</translation>
    </message>
    <message>
      <source>the whole country</source>
      <translation>cả nước</translation>
    </message>
    <message>
      <source>Demo data can only be added to an empty database; this one already holds units.</source>
      <translation>Chỉ tạo được dữ liệu mẫu trong cơ sở dữ liệu trống; cơ sở dữ liệu này đã có đơn vị.</translation>
    </message>
    <message>
      <source>This database is set up for the {preset} model, not the {wanted} model.</source>
      <translation>Cơ sở dữ liệu này theo mô hình {preset}, không phải mô hình {wanted}.</translation>
    </message>
    <message>
      <source>'{name}' still has {count} units under it on or after that date: close, move or merge them first.</source>
      <translation>'{name}' còn {count} đơn vị trực thuộc vào ngày đó hoặc sau đó: hãy giải thể, chuyển hoặc sáp nhập chúng trước.</translation>
    </message>
    <message>
      <source>'{name}' still has {count} clusters under it on or after that date: close them first.</source>
      <translation>'{name}' còn {count} cụm trực thuộc vào ngày đó hoặc sau đó: hãy giải thể các cụm trước.</translation>
    </message>
    <message>
      <source>An assignment on '{name}' runs past {day} (it starts on {start}); change it first.</source>
      <translation>Có phân công tại '{name}' kéo dài qua ngày {day} (bắt đầu ngày {start}); hãy điều chỉnh trước.</translation>
    </message>
    <message>
      <source>'{name}' is in the cluster '{cluster}' from {start}, after that date; change it first.</source>
      <translation>'{name}' thuộc cụm '{cluster}' từ ngày {start}, sau ngày đó; hãy điều chỉnh trước.</translation>
    </message>
  </context>
</TS>
